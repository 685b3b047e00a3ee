package com.escalationanalyst.report;

import com.escalationanalyst.store.StoreDatabase;
import javax.sql.DataSource;

/** Where monthly reports and their deliveries are kept (the application's database). */
public class ReportDatabase extends StoreDatabase {

    public ReportDatabase(DataSource dataSource) {
        super("report", dataSource);
    }
}
