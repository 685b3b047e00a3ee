package com.escalationanalyst.analysis.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of bpmn/RecommendedAction.dmn asserted by the inputs that should select it, and the edges between
 * rules (a planned fix against an open one, nine escalations against ten, a match of unknown status), on the
 * DMN engine alone. The expected action is named by its opening words, so a rule that moves, stops matching or
 * changes its action fails.
 */
class RecommendedActionTableTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("bpmn/RecommendedAction.dmn"))) {
            decision = engine.parseDecision("RecommendedAction", in);
        }
    }

    @Test
    void aDocumentedBugThatIsOpenOrPlannedLinksTheTicketsAndAppliesTheWorkaround() {
        for (String status : new String[] {"open", "fix_planned"}) {
            assertThat(action("product_bug", true, status, 3)).as(status).startsWith("Link these tickets to the known issue");
        }
    }

    @Test
    void aDocumentedBugMarkedFixedThatStillEscalatesIsChecked() {
        assertThat(action("product_bug", true, "fixed", 40)).startsWith("The known issue is marked fixed but tickets still escalate");
    }

    @Test
    void aDocumentedBugThatWillNotBeFixedPublishesTheWorkaround() {
        assertThat(action("product_bug", true, "wont_fix", 1)).startsWith("The issue will not be fixed: publish the workaround");
    }

    @Test
    void tenOrMoreUndocumentedBugEscalationsOpenAKnownIssueAndNineDoNot() {
        assertThat(action("product_bug", false, null, 10)).startsWith("Recurring defect with no known issue");
        assertThat(action("product_bug", false, null, 250)).startsWith("Recurring defect with no known issue");
        assertThat(action("product_bug", false, null, 9)).startsWith("Confirm reproduction on a clean account");
    }

    @Test
    void aMatchWhoseStatusIsNoneOfTheFourFallsBackToConfirmingReproduction() {
        assertThat(action("product_bug", true, null, 50)).startsWith("Confirm reproduction on a clean account");
        assertThat(action("product_bug", true, "investigating", 50)).startsWith("Confirm reproduction on a clean account");
    }

    @Test
    void everyOtherRootCauseHasItsOwnAction() {
        assertThat(action("training_gap", false, null, 99)).startsWith("Coach tier 1 on the misdiagnosed cases");
        assertThat(action("documentation_gap", false, null, 99)).startsWith("Update or write the help-centre articles");
        assertThat(action("policy_gap", false, null, 99)).startsWith("Take the recurring exceptions to the monthly policy review");
        assertThat(action("process_failure", false, null, 99)).startsWith("Review routing and shift handoffs");
        assertThat(action("unclassified", false, null, 99)).startsWith("Map the unmapped reason codes");
        // a match never changes the action of a cause other than a product bug
        assertThat(action("training_gap", true, "open", 99)).startsWith("Coach tier 1 on the misdiagnosed cases");
    }

    @Test
    void anUnknownRootCauseHasNoAction() {
        assertThat(evaluate("billing_confusion", false, null, 5).isEmpty()).isTrue();
    }

    @Test
    void everyActionComesWithWordsToFindItsPolicySection() {
        for (String cause : new String[] {"product_bug", "training_gap", "documentation_gap", "policy_gap", "process_failure",
                "unclassified"}) {
            assertThat(evaluate(cause, false, null, 1).getSingleResult().<String>getEntry("policyQuery")).as(cause).isNotBlank();
        }
    }

    private static String action(String rootCause, boolean matched, String status, long escalations) {
        DmnDecisionResult result = evaluate(rootCause, matched, status, escalations);
        assertThat(result).as("exactly one rule (hit policy FIRST)").hasSize(1);
        return result.getSingleResult().getEntry("action");
    }

    private static DmnDecisionResult evaluate(String rootCause, boolean matched, String status, long escalations) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("rootCause", rootCause);
        inputs.put("knownIssueMatched", matched);
        inputs.put("knownIssueStatus", status);
        inputs.put("escalations", escalations);
        return engine.evaluateDecision(decision, inputs);
    }
}
