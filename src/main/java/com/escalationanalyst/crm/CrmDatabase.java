package com.escalationanalyst.crm;

import com.escalationanalyst.store.StoreDatabase;
import javax.sql.DataSource;

/** The CRM data source: customer accounts. */
public class CrmDatabase extends StoreDatabase {

    public CrmDatabase(DataSource dataSource) {
        super("crm", dataSource);
    }
}
