package com.escalationanalyst.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.helpdesk.HelpdeskDatabase;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL every connection of the application and of its stores runs without JIT compilation. */
@IntegrationTest
class StoreSessionIT {

    @Autowired
    DataSource applicationDataSource;
    @Autowired
    HelpdeskDatabase helpdesk;

    @Test
    void postgresConnectionsRunWithoutJit() throws Exception {
        for (DataSource dataSource : new DataSource[] {applicationDataSource, helpdesk.dataSource()}) {
            try (Connection connection = dataSource.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName();
                if (TestDatabases.postgres()) {
                    assertThat(product).isEqualTo("PostgreSQL");
                    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW jit")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("off");
                    }
                } else {
                    assertThat(product).isEqualTo("H2");
                }
            }
        }
    }
}
