package com.escalationanalyst.helpdesk;

import com.escalationanalyst.store.StoreDatabase;
import javax.sql.DataSource;

/** The helpdesk data source: tickets and resolutions. */
public class HelpdeskDatabase extends StoreDatabase {

    public HelpdeskDatabase(DataSource dataSource) {
        super("helpdesk", dataSource);
    }
}
