package com.escalationanalyst.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.helpdesk.TicketCsvFormat;
import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.Csv;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.TestDatabases;
import com.escalationanalyst.testsupport.TestStores;
import com.escalationanalyst.testsupport.TicketFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The bulk path of a first load into empty PostgreSQL tables (indexes, keys and foreign keys set aside
 * and built again): same rows as the ordinary path, the same schema afterwards, and nothing lost when
 * the load fails half-way. The threshold is lowered so that a small file takes the path.
 */
@IntegrationTest
@TestPropertySource(properties = "escalation.import.bulk-load-min-rows=10")
class BulkLoadPostgresIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        assertThat(TestDatabases.postgres()).as("runs in the PostgreSQL suite (mvn verify -Ppostgres)").isTrue();
        api = new Api(port);
        jdbc = TestStores.empty(dataSource);
        jdbc.execute("DROP TRIGGER IF EXISTS refuse_t13 ON ticket");
    }

    /** Every index, key and foreign key of the two tables, as the catalog defines them. */
    private List<String> schema() {
        return jdbc.queryForList("""
                SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE tablename IN ('ticket', 'resolution')
                UNION ALL
                SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid IN ('ticket'::regclass, 'resolution'::regclass)
                ORDER BY 1""", String.class);
    }

    private long indexOid() {
        return jdbc.queryForObject("SELECT 'ix_ticket_created_at'::regclass::oid::bigint", Long.class);
    }

    private HttpResponse<String> importTickets(String csv) {
        return api.post("/api/import/tickets", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored rows, as text, in id order. */
    private List<String> stored() {
        return jdbc.queryForList("""
                SELECT t.ticket_id || '|' || t.created_at || '|' || t.status || '|' || COALESCE(t.subject, '') || '|'
                       || t.escalated || '|' || COALESCE(t.escalated_at::text, '') || '|' || COALESCE(r.resolved_at::text, '')
                       || '|' || COALESCE(r.resolution_notes, '')
                FROM ticket t LEFT JOIN resolution r ON r.ticket_id = t.ticket_id ORDER BY t.ticket_id""", String.class);
    }

    @Test
    void aFirstLoadStoresWhatTheOrdinaryPathStoresAndRebuildsTheSameSchema() {
        Csv csv = TicketFixtures.threeMonths();
        List<String> schemaBefore = schema();

        // the ordinary path: one ticket first (below the threshold), then the file into a store that is not empty
        Csv one = new Csv(TicketCsvFormat.COLUMNS);
        List<String> first = new ArrayList<>();
        csv.rows().get(0).forEach((column, value) -> {
            first.add(column);
            first.add(column.equals("ticket_id") ? "S-1" : value);
        });
        one.row(first.toArray(String[]::new));
        assertThat(importTickets(one.text()).statusCode()).isEqualTo(200);
        long oidBefore = indexOid();
        HttpResponse<String> ordinary = importTickets(csv.text());
        assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(200);
        assertThat(indexOid()).as("indexes kept: the ordinary path").isEqualTo(oidBefore);
        List<String> expected = stored().stream().filter(row -> !row.startsWith("S-1|")).toList();
        // 30 tickets as the fixture writes them
        assertThat(expected).hasSize(30);

        // the bulk path: the same file into the emptied store
        TestStores.empty(dataSource);
        HttpResponse<String> bulk = importTickets(csv.text());
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(Api.json(bulk).get("inserted").asLong()).isEqualTo(30);
        assertThat(indexOid()).as("the index was built again: the bulk path").isNotEqualTo(oidBefore);
        assertThat(stored()).isEqualTo(expected);
        assertThat(schema()).isEqualTo(schemaBefore);
        // 15 resolved (every second ticket of the fixture)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resolution", Long.class)).isEqualTo(15);

        // the foreign key is in force again: a resolution without its ticket is refused
        assertThatThrownBy(() -> jdbc.update("INSERT INTO resolution (ticket_id, resolution_type, resolved_at)"
                + " VALUES ('NO-SUCH-TICKET', 'fixed', now())")).isInstanceOf(DataIntegrityViolationException.class);

        // the same file again: the store is not empty, nothing is set aside and nothing changes
        long oidAfterBulk = indexOid();
        HttpResponse<String> again = importTickets(csv.text());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(Api.json(again).get("inserted").asLong()).isZero();
        assertThat(indexOid()).isEqualTo(oidAfterBulk);
        assertThat(stored()).isEqualTo(expected);
    }

    @Test
    void aLoadThatFailsHalfWayLeavesTheTablesEmptyAndTheirIndexesInPlace() {
        List<String> schemaBefore = schema();
        // a database-side refusal the staging checks cannot foresee: the insert of T-13 fails inside the bulk path
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION refuse_t13() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.ticket_id = 'T-13' THEN RAISE EXCEPTION 'T-13 refused by the test trigger'; END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("CREATE TRIGGER refuse_t13 BEFORE INSERT ON ticket FOR EACH ROW EXECUTE FUNCTION refuse_t13()");
        try {
            HttpResponse<String> failed = importTickets(TicketFixtures.threeMonths().text());
            // not the file's fault: an internal error, logged with a reference the answer repeats
            assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
            assertThat(Api.json(failed).get("type").asText()).isEqualTo("/problems/internal-error");
            assertThat(Api.json(failed).get("reference").asText()).isNotEmpty();
        } finally {
            jdbc.execute("DROP TRIGGER refuse_t13 ON ticket");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resolution", Long.class)).isZero();
        assertThat(schema()).isEqualTo(schemaBefore);
        Map<String, Object> staged = jdbc.queryForMap("SELECT COUNT(*) AS n FROM ticket_import_staging");
        assertThat(staged.get("n")).isEqualTo(0L);
    }
}
