package com.escalationanalyst.crm;

import com.escalationanalyst.csv.CsvFields;
import com.escalationanalyst.csv.CsvRowFormat;
import java.math.BigDecimal;
import java.util.List;

/** The accounts CSV. */
public final class AccountCsvFormat implements CsvRowFormat<AccountRow> {

    public static final List<String> COLUMNS = List.of(
            "account_id", "name", "segment", "tier", "region", "industry", "arr");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public AccountRow parse(CsvFields f) {
        String accountId = f.text("account_id", 64, true);
        String name = f.text("name", 300, true);
        String segment = f.text("segment", 64, true);
        String tier = f.text("tier", 64, false);
        String region = f.text("region", 64, false);
        String industry = f.text("industry", 128, false);
        BigDecimal arr = f.nonNegativeDecimal("arr", 2, false);
        if (f.hasErrors()) {
            return null;
        }
        return new AccountRow(accountId, name, segment.trim(), trim(tier), trim(region), industry, arr);
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
