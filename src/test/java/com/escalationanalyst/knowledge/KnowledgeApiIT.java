package com.escalationanalyst.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.Api;
import com.escalationanalyst.testsupport.IntegrationTest;
import com.escalationanalyst.testsupport.PageSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Knowledge spaces through the API and the page, on the suite's database. */
@IntegrationTest
class KnowledgeApiIT {

    static final String EXTRA_ISSUES = """
            - id: KI-900
              title: Calendar sync drops recurring meetings after daylight saving time ends
              product_area: Integrations
              status: open
              symptoms: weekly meetings vanish from the synced calendar after the clocks go back
              workaround: Re-run the calendar sync from the integration settings
              planned_fix: ""
            """;

    @LocalServerPort
    int port;

    @Autowired
    KnowledgeService knowledge;

    @Autowired
    KnowledgeDatabase database;

    Api api;

    @BeforeEach
    void resetToSeed() {
        api = new Api(port);
        JdbcTemplate jdbc = database.jdbc();
        jdbc.update("DELETE FROM knowledge_document WHERE uploaded_by <> 'seed'");
        jdbc.update("UPDATE knowledge_document SET active = TRUE");
        jdbc.update("UPDATE knowledge_state SET generation = generation + 1");
    }

    private HttpResponse<String> upload(String space, String file, String content) {
        return upload(space, file, content.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String space, String file, byte[] content) {
        return api.upload("/api/knowledge/" + space, "file", file, content);
    }

    private static final String CALENDAR_TEXT =
            "after the clocks went back our weekly recurring meetings vanished from the synced calendar";

    @Test
    void seedIsLoadedAndListed() {
        JsonNode list = Api.json(api.get("/api/knowledge/known-issues"));
        assertThat(list.get("documents").get(0).get("name").asText()).isEqualTo("known-issues.yaml");
        assertThat(list.get("documents").get(0).get("activeVersion").asInt()).isEqualTo(1);
        assertThat(knowledge.current().knownIssues()).hasSize(10);
        JsonNode policies = Api.json(api.get("/api/knowledge/escalation-policies")).get("documents");
        List<String> names = new ArrayList<>();
        policies.forEach(d -> names.add(d.get("name").asText()));
        assertThat(names).containsExactly("escalation-criteria.md", "reason-codes.yaml", "routing-rules.md",
                "sla-definitions.md", "sla-policies.yaml");
        // the seeded SLA policies: three, Strategic first; a Premium ticket gets the Premium policy's targets
        SlaPolicies sla = knowledge.current().slaPolicies().orElseThrow();
        assertThat(sla.policies()).extracting(SlaPolicies.Policy::name).containsExactly("Strategic (24x7)", "Premium", "Standard");
        assertThat(sla.match("urgent", "Premium", "Enterprise", "email").orElseThrow().target(SlaPolicies.FIRST_RESPONSE,
                "urgent")).contains(java.time.Duration.ofHours(1));
        HttpResponse<String> content = api.get("/api/knowledge/known-issues/known-issues.yaml");
        assertThat(content.body()).contains("id: KI-318");
    }

    @Test
    void anUploadedKnownIssueIsFindableAtOnceAndGoneWhenDeactivated() {
        assertThat(knowledge.current().findKnownIssue(CALENDAR_TEXT, "Integrations")).isEmpty();

        HttpResponse<String> created = upload("known-issues", "calendar.yaml", EXTRA_ISSUES);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Api.json(created).get("version").asInt()).isEqualTo(1);
        assertThat(Api.json(created).get("uploadedBy").asText()).isEqualTo("admin");
        assertThat(knowledge.current().findKnownIssue(CALENDAR_TEXT, "Integrations"))
                .hasValueSatisfying(m -> assertThat(m.issue().id()).isEqualTo("KI-900"));
        JsonNode search = Api.json(api.get("/api/knowledge-search/known-issue?productArea=Integrations&text="
                + java.net.URLEncoder.encode(CALENDAR_TEXT, StandardCharsets.UTF_8)));
        assertThat(search.get("match").get("issue").get("id").asText()).isEqualTo("KI-900");
        assertThat(search.get("reason").asText()).startsWith("KI-900 scores ").contains("same product area");
        assertThat(search.get("candidates")).hasSize(3);
        assertThat(search.get("candidates").get(0).get("id").asText()).isEqualTo("KI-900");
        assertThat(search.get("candidates").get(0).get("semantic").asDouble())
                .isGreaterThan(search.get("candidates").get(1).get("semantic").asDouble());
        JsonNode ruledOut = Api.json(api.get("/api/knowledge-search/known-issue?productArea=Integrations&text="
                + java.net.URLEncoder.encode("Not KI-900: " + CALENDAR_TEXT, StandardCharsets.UTF_8)));
        assertThat(ruledOut.get("match").isNull()).isTrue();
        assertThat(ruledOut.get("ruledOutIds").toString()).isEqualTo("[\"KI-900\"]");

        assertThat(api.delete("/api/knowledge/known-issues/calendar.yaml").statusCode()).isEqualTo(204);
        assertThat(knowledge.current().findKnownIssue(CALENDAR_TEXT, "Integrations")).isEmpty();
        JsonNode list = Api.json(api.get("/api/knowledge/known-issues")).get("documents");
        assertThat(list.toString()).contains("\"name\":\"calendar.yaml\",\"activeVersion\":null");
    }

    @Test
    void aRemappedReasonCodeChangesItsRootCauseAndRollingBackRestoresIt() {
        assertThat(knowledge.current().reasonCodes().rootCauseOf("SLA-BREACH")).isEqualTo(RootCause.PROCESS_FAILURE);
        String remapped = """
                codes:
                  - code: SLA-BREACH
                    root_cause: training_gap
                  - code: NEW-CODE
                    root_cause: documentation_gap
                """;
        HttpResponse<String> v2 = upload("escalation-policies", "reason-codes.yaml", remapped);
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        assertThat(Api.json(v2).get("version").asInt()).isEqualTo(2);
        assertThat(knowledge.current().reasonCodes().rootCauseOf("SLA-BREACH")).isEqualTo(RootCause.TRAINING_GAP);
        assertThat(knowledge.current().reasonCodes().rootCauseOf("BUG-CONFIRMED")).isEqualTo(RootCause.UNCLASSIFIED);

        HttpResponse<String> rollback = api.post("/api/knowledge/escalation-policies/reason-codes.yaml/activate?version=1",
                "application/json", new byte[0]);
        assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
        assertThat(knowledge.current().reasonCodes().rootCauseOf("SLA-BREACH")).isEqualTo(RootCause.PROCESS_FAILURE);
        assertThat(knowledge.current().reasonCodes().rootCauseOf("NEW-CODE")).isEqualTo(RootCause.UNCLASSIFIED);
        assertThat(api.get("/api/knowledge/escalation-policies/reason-codes.yaml?version=2").body()).contains("NEW-CODE");
    }

    /** A refused upload: its status, every reason, and the same knowledge generation as before. */
    private void assertRefused(HttpResponse<String> response, int status, String... reasons) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        List<String> actual = new ArrayList<>();
        Api.json(response).get("errors").forEach(e -> actual.add(e.get("message").asText()));
        for (String reason : reasons) {
            assertThat(actual).as(response.body()).anySatisfy(a -> assertThat(a).contains(reason));
        }
    }

    @Test
    void invalidUploadsAreRefusedWithEveryReasonAndChangeNothing() {
        KnowledgeSnapshot before = knowledge.current();
        String badIssues = """
                - id: KI-1000
                  title: No area
                  status: open
                - id: KI-1001
                  title: Bad status
                  product_area: API
                  status: done
                """;
        assertRefused(upload("known-issues", "bad.yaml", badIssues), 400,
                "issue 1 (KI-1000): product_area is required", "issue 2 (KI-1001): status 'done' is not one of");
        assertRefused(upload("known-issues", "dupe.yaml", EXTRA_ISSUES.replace("KI-900", "KI-318")), 400,
                "known issue KI-318 is already documented in known-issues.yaml");
        assertRefused(upload("escalation-policies", "more-codes.yaml",
                "codes:\n  - code: X\n    root_cause: bad_luck\n  - code: SLA-BREACH\n    root_cause: policy_gap\n"), 400,
                "root_cause 'bad_luck' is not one of");
        assertRefused(upload("escalation-policies", "more-codes.yaml",
                "codes:\n  - code: SLA-BREACH\n    root_cause: policy_gap\n"), 400,
                "reason code SLA-BREACH is already mapped in reason-codes.yaml");
        // SLA policies: every mistake with where it is; a second SLA document is refused while the seed is active
        assertRefused(upload("escalation-policies", "sla-policies.yaml", """
                calendars:
                  office: {zone: Mars/Olympus, hours: {monday: 17:00-09:00, funday: 09:00-12:00}, holidays: [2026-02-30]}
                policies:
                  - name: Gold
                    when: {tier: [Gold], colour: [red]}
                    calendar: office
                    first-response: {urgent: soon, whenever: 4h}
                  - calendar: nowhere
                    resolution: {low: 8h}
                """), 400,
                "calendars.office.zone: 'Mars/Olympus' is not a time zone",
                "calendars.office.hours.monday: '17:00-09:00' is not opening hours HH:MM-HH:MM with the opening first",
                "calendars.office.hours.funday: not a weekday",
                "calendars.office.holidays: '2026-02-30' is not a date",
                "policies[0] (Gold).when.colour: not a condition",
                "policies[0] (Gold).first-response.urgent: 'soon' is not a target in minutes or hours",
                "policies[0] (Gold).first-response.whenever: not a priority",
                "policies[1]: 'name' is missing",
                "policies[1].calendar: 'nowhere' is not one of the calendars");
        assertRefused(upload("escalation-policies", "more-sla.yaml", """
                calendars:
                  always: {zone: UTC, hours: 24x7}
                policies:
                  - name: All
                    calendar: always
                    first-response: {normal: 1h}
                """), 400, "the SLA policies are already in sla-policies.yaml");
        assertThat(knowledge.current().slaPolicies().orElseThrow().policies()).hasSize(3);
        assertRefused(upload("known-issues", "notes.txt", "hello"), 415, "'notes.txt' is not accepted in known-issues");
        assertRefused(upload("escalation-policies", "issues.csv", "id,title\n"), 415, "is not accepted");
        assertRefused(upload("known-issues", "big.yaml", new byte[1_048_577]), 413, "at most 1048576");
        assertRefused(upload("known-issues", "latin1.yaml", EXTRA_ISSUES.replace("saving", "sav\u00efng")
                .getBytes(StandardCharsets.ISO_8859_1)), 400, "not valid UTF-8");
        assertRefused(upload("known-issues", "broken.json", "[{\"id\": "), 400, "not valid JSON");
        assertRefused(upload("known-issues", "empty.yaml", "   \n"), 400, "the document is empty");
        assertThat(api.upload("/api/knowledge/nonsense", "file", "a.md", "# x".getBytes()).statusCode()).isEqualTo(404);

        assertThat(knowledge.current()).isSameAs(before);
        assertThat(Api.json(api.get("/api/knowledge/known-issues")).get("documents")).hasSize(1);
    }

    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        Api.json(response).get("errors").forEach(e -> errors.add(e.get("message").asText()));
        return errors;
    }

    @Test
    void anUploadOverTheLimitIs413NamingItAndTheDocumentsStayAsTheyWere() {
        KnowledgeSnapshot before = knowledge.current();
        String listBefore = api.get("/api/knowledge/known-issues").body();

        // 3 MiB declared in Content-Length: refused before its body is read
        HttpResponse<String> declared = upload("known-issues", "big.yaml", new byte[3 * 1024 * 1024]);
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(errors(declared)).singleElement().asString()
                .startsWith("the upload has 3145")
                .endsWith(" bytes; a knowledge document may have at most 1048576 (escalation.knowledge.max-upload-bytes)");

        // 2 MiB sent chunked (no length declared): refused by the size of the file
        HttpResponse<String> chunked = api.uploadChunked("/api/knowledge/known-issues", "file", "big.yaml",
                new byte[2 * 1024 * 1024]);
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(errors(chunked)).containsExactly(
                "the file has 2097152 bytes; at most 1048576 are allowed (escalation.knowledge.max-upload-bytes)");

        assertThat(api.get("/api/knowledge/known-issues").body()).isEqualTo(listBefore);
        assertThat(knowledge.current()).isSameAs(before);
    }

    /** Uploads with a deadline: a refusal must come at once, not after expanding anything. */
    private HttpResponse<String> quickly(java.util.function.Supplier<HttpResponse<String>> upload) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), upload::get);
    }

    @Test
    void aliasBombsRecursiveAliasesAndDeepJsonAre400WithTheirReason() {
        KnowledgeSnapshot before = knowledge.current();
        String alias = "the document refers to a list or mapping through a YAML alias (*name); "
                + "knowledge documents must write their content out";

        HttpResponse<String> bomb = quickly(() -> upload("known-issues", "laughs.yaml", KnownIssueParserTest.billionLaughs("lol")));
        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(400);
        assertThat(errors(bomb)).containsExactly(alias);

        HttpResponse<String> codesBomb = quickly(() -> upload("escalation-policies", "laughs.yaml",
                "codes:\n" + KnownIssueParserTest.billionLaughs("lol").indent(2)));
        assertThat(codesBomb.statusCode()).as(codesBomb.body()).isEqualTo(400);
        assertThat(errors(codesBomb)).containsExactly(alias);

        HttpResponse<String> recursive = quickly(() -> upload("known-issues", "loop.yaml", """
                - &issue
                  id: KI-990
                  title: Login loops
                  product_area: API
                  status: open
                  symptoms: *issue
                """));
        assertThat(recursive.statusCode()).as(recursive.body()).isEqualTo(400);
        assertThat(errors(recursive)).containsExactly(alias);

        HttpResponse<String> deep = quickly(() -> upload("known-issues", "deep.json",
                "[".repeat(100_000) + "]".repeat(100_000)));
        assertThat(deep.statusCode()).as(deep.body()).isEqualTo(400);
        assertThat(errors(deep)).containsExactly("the JSON is nested more than 50 levels deep; known issues need 2");

        assertThat(knowledge.current()).isSameAs(before);
        assertThat(Api.json(api.get("/api/knowledge/known-issues")).get("documents")).hasSize(1);
        assertThat(Api.json(api.get("/api/knowledge/escalation-policies")).get("documents")).hasSize(5);
    }

    @Test
    void jiraExportUploadsAsKnownIssues() {
        String jira = "Issue key,Summary,Status,Component/s,Description,Custom field (Workaround)\n"
                + "KI-950,Audit log export misses entries older than 90 days,In Progress,Reporting,"
                + "\"audit export stops at 90 days, older entries missing\",Export in 90-day slices\n";
        HttpResponse<String> response = upload("known-issues", "jira-export.csv", jira);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        KnownIssue issue = knowledge.current().knownIssues().stream().filter(i -> i.id().equals("KI-950"))
                .findFirst().orElseThrow();
        assertThat(issue.status()).isEqualTo("fix_planned");
        assertThat(issue.productArea()).isEqualTo("Reporting");
        assertThat(issue.workaround()).isEqualTo("Export in 90-day slices");
    }

    @Test
    void thePageListsDocumentsAndShowsWhyAnUploadWasRefused() {
        HttpResponse<String> page = api.get("/knowledge");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("known-issues.yaml").contains("reason-codes.yaml");
        assertThat(api.getAnonymous("/knowledge").statusCode()).isEqualTo(303);

        PageSession browser = new PageSession(port);
        browser.get("/knowledge");
        HttpResponse<String> refused = browser.upload("/knowledge/known-issues", "bad.yaml",
                "- id: KI-1\n  title: <script>alert(1)</script>\n  status: open\n".getBytes(StandardCharsets.UTF_8),
                true, browser.origin());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("bad.yaml was refused for known-issues")
                .contains("issue 1 (KI-1): product_area is required");

        HttpResponse<String> accepted = browser.upload("/knowledge/known-issues", "calendar.yaml",
                EXTRA_ISSUES.getBytes(StandardCharsets.UTF_8), true, browser.origin());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(api.get("/knowledge").body()).contains("calendar.yaml");
    }

    @Test
    void readersDuringUploadsSeeOneVersionNeverAMix() throws Exception {
        // version A documents KI-900 under one title, version B under another; the index and the list
        // of a snapshot must always agree on which one is active
        String versionA = EXTRA_ISSUES;
        String versionB = EXTRA_ISSUES.replace("Calendar sync drops recurring meetings after daylight saving time ends",
                "Invoices are e-mailed twice to billing contacts with two roles")
                .replace("weekly meetings vanish from the synced calendar after the clocks go back",
                        "billing contacts get every invoice e-mail twice")
                // the workaround is matched too: B's must be about invoices, not calendars
                .replace("Re-run the calendar sync from the integration settings", "Give each billing contact one role")
                .replace("Integrations", "Billing");
        assertThat(upload("known-issues", "flip.yaml", versionA).statusCode()).isEqualTo(201);

        AtomicBoolean running = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> mixes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    KnowledgeSnapshot s = knowledge.current();
                    KnownIssue listed = s.knownIssues().stream().filter(i -> i.id().equals("KI-900")).findFirst()
                            .orElseThrow();
                    // which version's KI-900 the matcher finds for each version's text
                    boolean indexSaysA = s.findKnownIssue(CALENDAR_TEXT, "Integrations")
                            .filter(m -> m.issue().id().equals("KI-900")).isPresent();
                    boolean indexSaysB = s.findKnownIssue("every invoice e-mail arrives twice for billing contacts",
                            "Billing").filter(m -> m.issue().id().equals("KI-900")).isPresent();
                    boolean listSaysA = listed.productArea().equals("Integrations");
                    seen.add(listSaysA ? "A" : "B");
                    if (indexSaysA != listSaysA || indexSaysB == listSaysA) {
                        mixes.add("generation " + s.generation() + ": list " + listed.title());
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(upload("known-issues", "flip.yaml", i % 2 == 0 ? versionB : versionA).statusCode()).isEqualTo(201);
        }
        running.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(mixes).isEmpty();
        assertThat(seen).containsExactlyInAnyOrder("A", "B");
    }
}
