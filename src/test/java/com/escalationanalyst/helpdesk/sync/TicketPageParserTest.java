package com.escalationanalyst.helpdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.store.InstantRange;
import com.escalationanalyst.sync.MalformedPageException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TicketPageParserTest {

    static final String RANGE_TEXT = "outside the accepted instants, from 1970-01-01T00:00:00Z up to, not including, "
            + "2100-01-01T00:00:00Z";

    final TicketPageParser parser = new TicketPageParser(
            new HelpdeskSyncSettings("", "", "", "R/PT15M", true, 0, 1, 2, 3, 4),
            new InstantRange(Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")));

    private static String page(String createdAt, String metric) {
        return """
                {"tickets":[{"id":7,"created_at":"%s","status":"open","priority":"high"}],
                 "metric_sets":[%s],"end_of_stream":true}""".formatted(createdAt, metric);
    }

    @Test
    void aTimeWithinTheRangeIsRead() {
        TicketPageParser.Page parsed = parser.parse(page("2026-10-01T09:00:00Z",
                "{\"ticket_id\":7,\"solved_at\":\"2026-10-02T12:00:00Z\",\"reply_time_in_minutes\":{\"calendar\":30}}"), "page 1");
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.createdAt()).isEqualTo(OffsetDateTime.parse("2026-10-01T09:00:00Z"));
            assertThat(row.firstResponseAt()).isEqualTo(OffsetDateTime.parse("2026-10-01T09:30:00Z"));
            assertThat(row.resolvedAt()).isEqualTo(OffsetDateTime.parse("2026-10-02T12:00:00Z"));
        });
    }

    @Test
    void aCreatedAtOutsideTheRangeMakesThePageMalformed() {
        assertThatThrownBy(() -> parser.parse(page("+999999999-12-31T23:59:59Z", ""), "page 1"))
                .isExactlyInstanceOf(MalformedPageException.class)
                .hasMessage("page 1: tickets[0] (id 7).created_at: '+999999999-12-31T23:59:59Z' is " + RANGE_TEXT);
        assertThatThrownBy(() -> parser.parse(page("1969-12-31T23:59:59Z", ""), "page 1"))
                .isExactlyInstanceOf(MalformedPageException.class)
                .hasMessage("page 1: tickets[0] (id 7).created_at: '1969-12-31T23:59:59Z' is " + RANGE_TEXT);
    }

    @Test
    void metricTimesOutsideTheRangeMakeThePageMalformed() {
        assertThatThrownBy(() -> parser.parse(page("2026-10-01T09:00:00Z",
                "{\"ticket_id\":7,\"solved_at\":\"2100-01-01T00:00:00Z\"}"), "page 2"))
                .isExactlyInstanceOf(MalformedPageException.class)
                .hasMessage("page 2: tickets[0] (id 7) metric_set.solved_at: '2100-01-01T00:00:00Z' is " + RANGE_TEXT);
        // 60,000,000 minutes are about 114 years: past 2100
        assertThatThrownBy(() -> parser.parse(page("2026-10-01T09:00:00Z",
                "{\"ticket_id\":7,\"reply_time_in_minutes\":{\"calendar\":60000000}}"), "page 2"))
                .isExactlyInstanceOf(MalformedPageException.class)
                .hasMessage("page 2: tickets[0] (id 7) metric_set.reply_time_in_minutes.calendar: 60000000 minutes "
                        + "after created_at is " + RANGE_TEXT);
        // so many minutes that no date holds them
        assertThatThrownBy(() -> parser.parse(page("2026-10-01T09:00:00Z",
                "{\"ticket_id\":7,\"reply_time_in_minutes\":{\"calendar\":9223372036854775807}}"), "page 2"))
                .isExactlyInstanceOf(MalformedPageException.class)
                .hasMessage("page 2: tickets[0] (id 7) metric_set.reply_time_in_minutes.calendar: 9223372036854775807 "
                        + "minutes after created_at is " + RANGE_TEXT);
    }
}
