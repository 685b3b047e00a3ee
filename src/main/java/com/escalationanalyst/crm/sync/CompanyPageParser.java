package com.escalationanalyst.crm.sync;

import com.escalationanalyst.crm.AccountRow;
import com.escalationanalyst.sync.MalformedPageException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one page of a companies search answer ({@code results[].properties}, {@code paging.next.after})
 * into account rows with the configured property names. Properties not mapped are ignored. A company
 * without a segment is in segment {@code unknown}; without a name it is named by its id; without an
 * account id it is counted (the sync shows how many) and not stored. An unreadable page or revenue makes
 * the whole page malformed.
 */
final class CompanyPageParser {

    record Page(List<AccountRow> rows, List<String> withoutAccountId, String after) {
    }

    static final String UNKNOWN_SEGMENT = "unknown";

    private final CrmFeedProperties.Properties names;

    CompanyPageParser(CrmFeedProperties.Properties names) {
        this.names = names;
    }

    Page parse(String body, String page) {
        JsonNode root = MalformedPageException.read(body, page);
        if (!root.path("results").isArray()) {
            throw new MalformedPageException(page + ": no 'results' array");
        }
        List<AccountRow> rows = new ArrayList<>();
        List<String> withoutId = new ArrayList<>();
        int index = 0;
        for (JsonNode company : root.get("results")) {
            String id = text(company, "id");
            String where = page + ": results[" + index++ + "] (company " + id + ")";
            JsonNode p = company.path("properties");
            String accountId = text(p, names.accountId());
            if (accountId == null) {
                withoutId.add(id);
                continue;
            }
            String name = text(p, names.name());
            String segment = text(p, names.segment());
            String arrText = text(p, names.arr());
            BigDecimal arr = null;
            if (arrText != null) {
                try {
                    arr = new BigDecimal(arrText);
                } catch (NumberFormatException e) {
                    throw new MalformedPageException(where + ".properties." + names.arr() + ": '" + arrText
                            + "' is not a number");
                }
                if (arr.signum() < 0) {
                    throw new MalformedPageException(where + ".properties." + names.arr() + ": " + arrText + " is negative");
                }
            }
            rows.add(new AccountRow(accountId, name == null ? "(company " + id + ")" : name,
                    segment == null ? UNKNOWN_SEGMENT : segment, text(p, names.tier()), text(p, names.region()),
                    text(p, names.industry()), arr));
        }
        JsonNode after = root.path("paging").path("next").path("after");
        return new Page(rows, withoutId, after.isMissingNode() || after.isNull() ? null : after.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }
}
