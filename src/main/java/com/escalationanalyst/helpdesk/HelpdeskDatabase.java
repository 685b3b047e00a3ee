package com.escalationanalyst.helpdesk;

import com.escalationanalyst.store.StoreDatabase;
import java.util.List;
import javax.sql.DataSource;

/** The helpdesk data source: tickets and resolutions. */
public class HelpdeskDatabase extends StoreDatabase {

    public HelpdeskDatabase(DataSource dataSource) {
        super("helpdesk", dataSource);
    }

    /** The product areas tickets name, sorted. */
    public List<String> productAreas() {
        return jdbc().queryForList("SELECT DISTINCT product_area FROM ticket WHERE product_area IS NOT NULL"
                + " ORDER BY product_area", String.class);
    }
}
