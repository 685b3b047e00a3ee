package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.knowledge.KnowledgeSpace.DocumentType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownIssueParserTest {

    static final KnownIssue KI_1 = new KnownIssue("KI-1", "Login loops", "User Management", "open",
            "back to the login page", "Clear cookies", "5.2");

    @Test
    void yamlJsonAndCsvGiveTheSameIssue() {
        String yaml = """
                - id: KI-1
                  title: Login loops
                  product_area: User Management
                  status: open
                  symptoms: back to the login page
                  workaround: Clear cookies
                  planned_fix: 5.2
                """;
        String json = """
                [{"id":"KI-1","title":"Login loops","product_area":"User Management","status":"open",
                  "symptoms":"back to the login page","workaround":"Clear cookies","planned_fix":"5.2"}]""";
        String csv = "id,title,product_area,status,symptoms,workaround,planned_fix\n"
                + "KI-1,Login loops,User Management,open,back to the login page,Clear cookies,5.2\n";
        assertThat(KnownIssueParser.parse(DocumentType.YAML, yaml, 10)).containsExactly(KI_1);
        assertThat(KnownIssueParser.parse(DocumentType.JSON, json, 10)).containsExactly(KI_1);
        assertThat(KnownIssueParser.parse(DocumentType.CSV, csv, 10)).containsExactly(KI_1);
    }

    @Test
    void jiraExportColumnsAndStatusesAreMapped() {
        String jira = "Summary,Issue key,Issue id,Issue Type,Status,Component/s,Component/s,Description,"
                + "Custom field (Workaround),Fix Version/s\n"
                + "Login loops,KI-1,10001,Bug,To Do,,User Management,back to the login page,Clear cookies,5.2\n"
                + "Export slow,KI-2,10002,Bug,In Progress,Reporting,,\"big, slow\",,\n"
                + "Old thing,KI-3,10003,Bug,Done,Billing,,gone,,\n"
                + "Nope,KI-4,10004,Bug,Won't Do,API,,no,,\n";
        List<KnownIssue> issues = KnownIssueParser.parse(DocumentType.CSV, jira, 10);
        assertThat(issues.get(0)).isEqualTo(KI_1);
        assertThat(issues).extracting(KnownIssue::status).containsExactly("open", "fix_planned", "fixed", "wont_fix");
        assertThat(issues.get(1).symptoms()).isEqualTo("big, slow");
        assertThat(issues.get(1).productArea()).isEqualTo("Reporting");
    }

    @Test
    void everyProblemIsReported() {
        String yaml = """
                - id: KI-1
                  title: ok
                  product_area: API
                  status: open
                - id: KI-1
                  title: twice
                  product_area: API
                  status: open
                - title: no id
                  product_area: API
                  status: done
                - id: KI-3
                  status: open
                  colour: red
                """;
        assertThatThrownBy(() -> KnownIssueParser.parse(DocumentType.YAML, yaml, 10))
                .isInstanceOfSatisfying(KnowledgeValidationException.class, e -> assertThat(e.reasons()).containsExactly(
                        "issue 4: unknown field 'colour'; the fields are id, title, product_area, status, symptoms, "
                                + "workaround, planned_fix",
                        "issue 2 (KI-1): the id appears more than once",
                        "issue 3: id is required",
                        "issue 3: status 'done' is not one of open, fix_planned, fixed, wont_fix",
                        "issue 4 (KI-3): title is required",
                        "issue 4 (KI-3): product_area is required"));
    }

    @Test
    void tooManyRowsIs413() {
        String csv = "id,title,product_area,status\nA-1,t,API,open\nA-2,t,API,open\nA-3,t,API,open\n";
        assertThatThrownBy(() -> KnownIssueParser.parse(DocumentType.CSV, csv, 2))
                .isInstanceOfSatisfying(KnowledgeValidationException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.TOO_LARGE));
    }

    @Test
    void reasonCodesMayOnlyNameTheRootCausesOfTheDesign() {
        String yaml = """
                codes:
                  - code: A
                    root_cause: product_bug
                  - code: B
                    root_cause: bad_luck
                  - code: A
                    root_cause: policy_gap
                  - root_cause: policy_gap
                """;
        assertThatThrownBy(() -> ReasonCodeMap.parse(yaml))
                .isInstanceOfSatisfying(KnowledgeValidationException.class, e -> assertThat(e.reasons()).containsExactly(
                        "codes[1] (B): root_cause 'bad_luck' is not one of product_bug, policy_gap, training_gap, "
                                + "process_failure, documentation_gap",
                        "codes[2] (A): the code is listed twice",
                        "codes[3]: 'code' is missing"));
        assertThat(ReasonCodeMap.seed().rootCauseOf("SLA-BREACH")).isEqualTo(RootCause.PROCESS_FAILURE);
        assertThat(ReasonCodeMap.seed().rootCauseOf("NOT-A-CODE")).isEqualTo(RootCause.UNCLASSIFIED);
        assertThat(ReasonCodeMap.seed().rootCauseOf(null)).isEqualTo(RootCause.UNCLASSIFIED);
    }

    static final String ALIAS_REFUSAL = "the document refers to a list or mapping through a YAML alias (*name); "
            + "knowledge documents must write their content out";

    /** Nine levels of ten aliases each: 10^9 "lol"s once expanded. */
    static String billionLaughs(String leaf) {
        StringBuilder yaml = new StringBuilder("- &l0 [" + String.join(", ", java.util.Collections.nCopies(10, leaf)) + "]\n");
        for (int level = 1; level <= 9; level++) {
            yaml.append("- &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }
        return yaml.toString();
    }

    /** Parses with a deadline: a refusal must come at once, not after expanding anything. */
    static KnowledgeValidationException refusal(org.junit.jupiter.api.function.Executable parse) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> org.junit.jupiter.api.Assertions.assertThrows(KnowledgeValidationException.class, parse));
    }

    @Test
    void anAliasBombIsRefusedBeforeItIsExpanded() {
        KnowledgeValidationException e = refusal(() -> KnownIssueParser.parse(DocumentType.YAML, billionLaughs("lol"), 10));
        assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_REFUSED);
        assertThat(e.reasons()).containsExactly(ALIAS_REFUSAL);

        // the same within a reason-code map
        String codes = "codes:\n" + billionLaughs("lol").indent(2);
        KnowledgeValidationException inCodes = refusal(() -> ReasonCodeMap.parse(codes));
        assertThat(inCodes.reasons()).containsExactly(ALIAS_REFUSAL);
    }

    @Test
    void aFewAliasesOfListsAreRefusedToo() {
        // six levels of seven: 36 aliases, few enough for SnakeYAML's own default, still 117,649 titles once printed
        StringBuilder yaml = new StringBuilder("- &l0 [lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 5; level++) {
            yaml.append("- &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(7, "*l" + (level - 1)))).append("]\n");
        }
        yaml.append("- id: KI-1\n  title: *l5\n  product_area: API\n  status: open\n");
        KnowledgeValidationException e = refusal(() -> KnownIssueParser.parse(DocumentType.YAML, yaml.toString(), 10));
        assertThat(e.reasons()).containsExactly(ALIAS_REFUSAL);
    }

    @Test
    void aRecursiveAliasIsRefused() {
        String issue = """
                - &issue
                  id: KI-1
                  title: Login loops
                  product_area: API
                  status: open
                  symptoms: *issue
                """;
        KnowledgeValidationException e = refusal(() -> KnownIssueParser.parse(DocumentType.YAML, issue, 10));
        assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_REFUSED);
        assertThat(e.reasons()).containsExactly(ALIAS_REFUSAL);

        String codes = """
                codes: &codes
                  - code: A
                    root_cause: product_bug
                  - *codes
                """;
        assertThat(refusal(() -> ReasonCodeMap.parse(codes)).reasons()).containsExactly(ALIAS_REFUSAL);
    }

    @Test
    void anAliasOfATextIsStillRead() {
        String yaml = """
                - id: KI-1
                  title: &area API
                  product_area: *area
                  status: open
                """;
        assertThat(KnownIssueParser.parse(DocumentType.YAML, yaml, 10))
                .containsExactly(new KnownIssue("KI-1", "API", "API", "open", null, null, null));
    }

    @Test
    void deeplyNestedYamlIsRefused() {
        // 11 levels: the list of issues, an issue, and nine lists inside its title
        String yaml = "- id: KI-1\n  title: " + "[".repeat(9) + "x" + "]".repeat(9) + "\n  product_area: API\n  status: open\n";
        KnowledgeValidationException e = refusal(() -> KnownIssueParser.parse(DocumentType.YAML, yaml, 10));
        assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_REFUSED);
        assertThat(e.reasons()).containsExactly("the YAML is nested more than 10 levels deep; knowledge documents need 3");
    }

    @Test
    void jsonNestedAHundredThousandDeepIsRefusedAtItsLimit() {
        String json = "[".repeat(100_000) + "]".repeat(100_000);
        KnowledgeValidationException e = refusal(() -> KnownIssueParser.parse(DocumentType.JSON, json, 10));
        assertThat(e.type()).isEqualTo(ProblemType.DOCUMENT_REFUSED);
        assertThat(e.reasons()).containsExactly("the JSON is nested more than 50 levels deep; known issues need 2");
    }

    @Test
    void jsonNestedJustPastTheLimitIsRefusedAndAtItIsRead() {
        // 51 levels: the array of issues, an issue, and 49 arrays inside its title
        String tooDeep = "[{\"id\":\"KI-1\",\"title\":" + "[".repeat(49) + "\"x\"" + "]".repeat(49)
                + ",\"product_area\":\"API\",\"status\":\"open\"}]";
        assertThat(refusal(() -> KnownIssueParser.parse(DocumentType.JSON, tooDeep, 10)).reasons())
                .containsExactly("the JSON is nested more than 50 levels deep; known issues need 2");
        // 50 levels parse; the title is then refused for not being a text
        String deepest = tooDeep.replace("[".repeat(49), "[".repeat(48)).replace("]".repeat(49), "]".repeat(48));
        assertThat(refusal(() -> KnownIssueParser.parse(DocumentType.JSON, deepest, 10)).reasons())
                .containsExactly("issue 1 (KI-1): title must be a text, not a list or an object");
    }
}
