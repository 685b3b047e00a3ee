package com.escalationanalyst.analysis.segments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The review form's links from each group to its tickets. */
class SegmentTicketLinksTest {

    @Test
    void eachNamedGroupLinksToItsTicketsWithTheRunsExactPeriod() throws Exception {
        String result = """
                {"dimension": "tier", "period": {"from": "2026-07-01T00:00Z", "to": "2026-10-01T00:00Z"},
                 "rows": [{"value": "Strategic", "totalTickets": 1234}, {"value": "unknown", "totalTickets": 5},
                          {"value": "Premium Plus", "totalTickets": 7}]}""";
        assertThat(BuildSegmentTableDelegate.ticketLinks(new ObjectMapper().readTree(result), "Billing")).isEqualTo(
                "Tickets of each tier: [Strategic: 1,234](/tickets?periodFrom=2026-07-01T00:00Z&periodTo=2026-10-01T00:00Z"
                        + "&productArea=Billing&tier=Strategic) · [Premium Plus: 7](/tickets?periodFrom=2026-07-01T00:00Z"
                        + "&periodTo=2026-10-01T00:00Z&productArea=Billing&tier=Premium%20Plus)");
    }

    @Test
    void combinedGroupsHaveNoLinks() throws Exception {
        assertThat(BuildSegmentTableDelegate.ticketLinks(new ObjectMapper().readTree(
                "{\"dimension\": \"segment×tier\", \"rows\": []}"), null)).isEmpty();
    }
}
