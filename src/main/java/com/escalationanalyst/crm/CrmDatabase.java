package com.escalationanalyst.crm;

import com.escalationanalyst.store.InLists;
import com.escalationanalyst.store.StoreDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The CRM data source, customer accounts, and the questions the analyses ask of it: the store's one place for
 * account queries.
 */
public class CrmDatabase extends StoreDatabase {

    /** The account columns a filter or a comparison may name. */
    public static final List<String> DIMENSIONS = List.of("segment", "tier", "region");

    /** From this many wanted ids, one pass over the table costs less than dozens of look-ups. */
    static final int WHOLE_TABLE_FROM = 2000;

    public CrmDatabase(DataSource dataSource) {
        super("crm", dataSource);
    }

    /** An account's dimensions. */
    public record AccountDimensions(String accountId, String segment, String tier, String region) {
    }

    /** The segments, tiers and regions accounts name, each sorted. */
    public AccountValues accountValues() {
        return new AccountValues(valuesOf("segment"), valuesOf("tier"), valuesOf("region"));
    }

    public record AccountValues(List<String> segments, List<String> tiers, List<String> regions) {
    }

    /** The values accounts have in one dimension (segment, tier or region), sorted, blanks left out. */
    public List<String> valuesOf(String dimension) {
        String column = column(dimension);
        return jdbc().queryForList("SELECT DISTINCT " + column + " FROM account WHERE " + column + " IS NOT NULL"
                + " AND " + column + " <> '' ORDER BY " + column, String.class);
    }

    /** Whether any account has this value in the dimension. */
    public boolean anyAccountWith(String dimension, String value) {
        return jdbc().queryForObject("SELECT COUNT(*) FROM account WHERE " + column(dimension) + " = ?", Long.class,
                value) > 0;
    }

    public long accountCount() {
        return jdbc().queryForObject("SELECT COUNT(*) FROM account", Long.class);
    }

    /** Every account's id. */
    public List<String> accountIds() {
        return jdbc().queryForList("SELECT account_id FROM account", String.class);
    }

    /** The ids of the accounts with all the given values (a null value: any). */
    public List<String> accountIdsWith(String segment, String tier, String region) {
        StringBuilder sql = new StringBuilder("SELECT account_id FROM account WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        String[] values = {segment, tier, region};
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            if (values[i] != null) {
                sql.append(" AND ").append(DIMENSIONS.get(i)).append(" = ?");
                args.add(values[i]);
            }
        }
        return jdbc().queryForList(sql.toString(), String.class, args.toArray());
    }

    /** Streams every account's dimensions to the consumer, in chunks, holding none of them. */
    public void forEachAccount(Consumer<AccountDimensions> consumer) {
        transactions().executeWithoutResult(tx -> jdbc().query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT account_id, segment, tier, region FROM account",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(5000);
            return ps;
        }, rs -> {
            consumer.accept(new AccountDimensions(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }));
    }

    /** The dimensions of the accounts with these ids (an id the CRM does not know is left out). */
    public Map<String, AccountDimensions> accounts(Set<String> ids) {
        Map<String, AccountDimensions> accounts = new HashMap<>();
        if (ids.size() > WHOLE_TABLE_FROM) {
            jdbc().query("SELECT account_id, segment, tier, region FROM account", rs -> {
                if (ids.contains(rs.getString(1))) {
                    accounts.put(rs.getString(1), new AccountDimensions(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4)));
                }
            });
            return accounts;
        }
        for (List<String> chunk : InLists.chunks(ids, 1000)) {
            jdbc().query("SELECT account_id, segment, tier, region FROM account WHERE account_id IN ("
                    + InLists.marks(chunk.size()) + ")", rs -> {
                accounts.put(rs.getString(1), new AccountDimensions(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)));
            }, chunk.toArray());
        }
        return accounts;
    }

    private static String column(String dimension) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("not an account dimension: " + dimension);
        }
        return dimension;
    }
}
