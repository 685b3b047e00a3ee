package com.escalationanalyst.knowledge;

import com.escalationanalyst.store.StoreDatabase;
import javax.sql.DataSource;

/** Where knowledge documents and their versions are kept (the application's database). */
public class KnowledgeDatabase extends StoreDatabase {

    public KnowledgeDatabase(DataSource dataSource) {
        super("knowledge", dataSource);
    }
}
