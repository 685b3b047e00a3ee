package com.escalationanalyst.crm;

import static com.escalationanalyst.store.MergeSql.changed;
import static com.escalationanalyst.store.MergeSql.insertNew;
import static com.escalationanalyst.store.MergeSql.updateChanged;

import com.escalationanalyst.store.StagedTable;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts, loaded through {@code account_import_staging}. */
public final class AccountTable implements StagedTable<AccountRow> {

    private static final List<String> COLUMNS = AccountCsvFormat.COLUMNS;
    private static final int[] TYPES = {
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC};
    private static final List<String> DATA = COLUMNS.subList(1, COLUMNS.size());

    @Override
    public String rowName() {
        return "accounts";
    }

    @Override
    public String stagingTable() {
        return "account_import_staging";
    }

    @Override
    public List<String> stagingColumns() {
        return COLUMNS;
    }

    @Override
    public int[] stagingTypes() {
        return TYPES;
    }

    @Override
    public List<String> storeTables() {
        return List.of("account");
    }

    @Override
    public String idColumn() {
        return "account_id";
    }

    @Override
    public Object[] values(AccountRow a) {
        return new Object[] {a.accountId(), a.name(), a.segment(), a.tier(), a.region(), a.industry(), a.arr()};
    }

    @Override
    public long countChanged(JdbcTemplate jdbc, String importId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM account_import_staging s
                JOIN account a ON a.account_id = s.account_id
                WHERE s.import_id = ? AND (%s)
                """.formatted(changed("a", DATA)), Long.class, importId);
    }

    @Override
    public void merge(JdbcTemplate jdbc, String importId, boolean anyExisting, boolean anyChanged) {
        if (anyChanged) {
            jdbc.update(updateChanged("account", stagingTable(), "account_id", DATA, ""), importId);
        }
        jdbc.update(insertNew("account", stagingTable(), "account_id", DATA, "", anyExisting), importId);
    }
}
