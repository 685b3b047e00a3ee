package com.escalationanalyst.crm;

import com.escalationanalyst.store.StoreDatabase;
import java.util.List;
import javax.sql.DataSource;

/** The CRM data source: customer accounts. */
public class CrmDatabase extends StoreDatabase {

    public CrmDatabase(DataSource dataSource) {
        super("crm", dataSource);
    }

    /** The segments, tiers and regions accounts name, each sorted. */
    public AccountValues accountValues() {
        return new AccountValues(distinct("segment"), distinct("tier"), distinct("region"));
    }

    public record AccountValues(List<String> segments, List<String> tiers, List<String> regions) {
    }

    private List<String> distinct(String column) {
        return jdbc().queryForList("SELECT DISTINCT " + column + " FROM account WHERE " + column + " IS NOT NULL"
                + " AND " + column + " <> '' ORDER BY " + column, String.class);
    }
}
