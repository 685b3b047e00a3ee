package com.escalationanalyst.ask;

import java.util.List;
import java.util.Map;

/**
 * Questions each skill answers, and questions none does: the nearest of them (by sentence embedding) decides the
 * skill when no clear word does. Written from what analysts ask, not from the test questions.
 */
final class SkillExemplars {

    static final String OTHER = "other";

    static final Map<String, List<String>> BY_SKILL = Map.of(
            Understanding.PATTERNS, List.of(
                    "why are tickets escalating",
                    "what are the main reasons for escalations",
                    "top root causes of escalations last month",
                    "what drives escalations in billing",
                    "which known issues cause the most escalations",
                    "show me the escalation patterns",
                    "break down escalations by root cause",
                    "what should we fix first to reduce escalations",
                    "why did escalations go up last quarter",
                    "escalation reasons for enterprise customers",
                    "what is behind the escalations in the API area",
                    "analyze the escalated tickets of this month"),
            Understanding.SEGMENTS, List.of(
                    "do enterprise customers escalate more than smb",
                    "compare escalation rates by segment",
                    "escalation rate by tier",
                    "which region has the highest escalation rate",
                    "are premium accounts escalating more often than standard ones",
                    "which customer segment escalates the most",
                    "escalation rates per region",
                    "how do the tiers compare on escalations",
                    "is the escalation rate of public sector customers above average",
                    "segment comparison of escalation rates"),
            Understanding.REPORT, List.of(
                    "show me the monthly report",
                    "preview the monthly escalation report for october",
                    "what would the report to the VP say for last month",
                    "monthly trend report",
                    "leadership report for september",
                    "give me the monthly escalation summary for leadership",
                    "draft the monthly report",
                    "what will the VP of customer experience receive this month"),
            OTHER, List.of(
                    "reset my password",
                    "what's the weather tomorrow",
                    "write a poem about customer support",
                    "how many employees do we have",
                    "book a meeting room for friday",
                    "what is the capital of france",
                    "translate this sentence to german",
                    "who won the game last night",
                    "tell me a joke",
                    "order lunch for the team"));

    private SkillExemplars() {
    }
}
