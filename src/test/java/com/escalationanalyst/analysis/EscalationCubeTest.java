package com.escalationanalyst.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.knowledge.ReasonCodeMap;
import com.escalationanalyst.knowledge.RootCause;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cube both the patterns analysis and the report build, on hand-counted tickets. */
class EscalationCubeTest {

    static final ReasonCodeMap CODES = new ReasonCodeMap(Map.of("BUG-A", RootCause.PRODUCT_BUG,
            "BUG-B", RootCause.PRODUCT_BUG, "POL-A", RootCause.POLICY_GAP));

    @Test
    void ticketByTicketItSumsPerRootCauseAndArea() {
        EscalationCube cube = new EscalationCube(CODES);
        // product_bug: 2 in Billing (one resolved in 2 h, handle 30 + 90 min), 1 in API (unresolved, no handle time)
        cube.addTicket("BUG-A", "Billing", "Team 2", 7_200_000L, 30, 60_000L);
        cube.addTicket("BUG-B", "Billing", "Team 1", null, 90, null);
        cube.addTicket("BUG-A", "API", "Team 1", null, null, 120_000L);
        // policy_gap: 1 without an area or team; an unknown code and no code are unclassified
        cube.addTicket("POL-A", null, null, 3_600_000L, 10, null);
        cube.addTicket("NEW-CODE", "API", null, null, null, null);
        cube.addTicket(null, "API", null, null, null, null);

        assertThat(cube.escalated()).isEqualTo(6);
        assertThat(cube.unmappedReasonCodes()).containsExactly("NEW-CODE");
        assertThat(cube.cells()).containsExactly(
                new EscalationCube.Cell("policy_gap", "(none)", 1, 1, 3_600_000, 10, 1),
                new EscalationCube.Cell("product_bug", "API", 1, 0, 0, 0, 0),
                new EscalationCube.Cell("product_bug", "Billing", 2, 1, 7_200_000, 120, 2),
                new EscalationCube.Cell("unclassified", "API", 2, 0, 0, 0, 0));
        EscalationCube.RootCauseTotals bug = cube.byRootCause().get("product_bug");
        assertThat(bug).isEqualTo(new EscalationCube.RootCauseTotals(3, 1, 7_200_000, 120, 2, 2, 180_000,
                "Billing", "Team 1"));
        // a cause whose tickets have no area or team has neither: "(none)" is never the top area
        assertThat(cube.byRootCause().get("policy_gap").topProductArea()).isNull();
        assertThat(cube.byRootCause().get("policy_gap").topTeam()).isNull();
        assertThat(EscalationCube.topProductAreas(cube.byRootCause())).containsExactlyInAnyOrderEntriesOf(Map.of("product_bug", "Billing",
                "unclassified", "API"));
        assertThat(cube.topTeams()).containsExactlyInAnyOrderEntriesOf(Map.of("product_bug", "Team 1"));
    }

    @Test
    void tiesGoToTheAlphabeticallyFirstAndAggregatesAddUp() {
        EscalationCube cube = new EscalationCube(CODES);
        // the report's way: sums per reason code and area from SQL; 3 in Billing and 3 in API → API
        cube.add("POL-A", "Billing", 3, 1, 1_000, 20, 2, 3, 30_000);
        cube.add("POL-A", "API", 2, 0, 0, 0, 0, 1, 5_000);
        cube.add("POL-A", "API", 1, 1, 500, 5, 1, 0, 0);
        cube.addTeam("POL-A", "Zeta", 2);
        cube.addTeam("POL-A", "Alpha", 2);
        cube.addTeam("POL-A", null, 9);
        assertThat(cube.byRootCause().get("policy_gap")).isEqualTo(new EscalationCube.RootCauseTotals(6, 2, 1_500,
                25, 3, 4, 35_000, "API", "Alpha"));
        assertThat(cube.unmappedReasonCodes()).isEmpty();
    }
}
