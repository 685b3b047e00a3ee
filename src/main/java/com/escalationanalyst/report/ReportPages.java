package com.escalationanalyst.report;

import com.escalationanalyst.process.JsonVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The report archive in the browser: {@code /reports} lists every report, {@code /reports/{id}} shows one
 * as it was mailed (the chart, a CID image in the e-mail, is served from {@code /reports/{id}/chart.png}),
 * {@code /reports/{id}/known-issues} all the known issues its month matched.
 */
@Controller
class ReportPages {

    /** The stored HTML is ours and escaped; the policy keeps it so (no scripts, no remote content). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

    private final ReportArchive archive;

    ReportPages(ReportArchive archive) {
        this.archive = archive;
    }

    @GetMapping("/reports")
    String list(Model model) {
        model.addAttribute("reports", archive.list());
        return "reports";
    }

    @GetMapping("/reports/{reportId}")
    ResponseEntity<String> report(@PathVariable String reportId) {
        StoredReport report = find(reportId);
        String html = report.html().replace("src=\"cid:" + ReportRenderer.CHART_CID + "\"",
                "src=\"/reports/" + report.reportId() + "/chart.png\"");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(html);
    }

    @GetMapping("/reports/{reportId}/chart.png")
    ResponseEntity<byte[]> chart(@PathVariable String reportId) {
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
                .body(find(reportId).chartPng());
    }

    /**
     * Every known issue the report month's escalations matched, per root cause, each linking to its tickets: where
     * the report's "+N more" leads (the report itself names the top three of each root cause).
     */
    @GetMapping("/reports/{reportId}/known-issues")
    String knownIssues(@PathVariable String reportId, Model model) {
        StoredReport report = find(reportId);
        JsonNode numbers;
        try {
            numbers = JsonVariables.mapper().readTree(report.numbers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Report " + reportId + " has unreadable numbers", e);
        }
        ZoneId zone = ZoneId.of(report.timeZone());
        YearMonth month = YearMonth.parse(report.month());
        List<CauseIssues> causes = new ArrayList<>();
        JsonNode knownIssues = numbers.path(ReportVariables.KNOWN_ISSUES);
        knownIssues.fieldNames().forEachRemaining(cause -> {
            List<Issue> issues = new ArrayList<>();
            for (JsonNode issue : knownIssues.get(cause)) {
                issues.add(new Issue(issue.get("id").asText(), issue.get("title").asText(), issue.path("status").asText(""),
                        issue.get("tickets").asLong(), ReportBuilder.monthTickets(month, zone,
                                Map.of("knownIssue", issue.get("id").asText(), "rootCause", cause))));
            }
            causes.add(new CauseIssues(cause, ReportBuilder.label(cause), issues));
        });
        model.addAttribute("report", report);
        model.addAttribute("causes", causes);
        return "report-known-issues";
    }

    /** A root cause's known issues on the known-issues page. */
    record CauseIssues(String code, String label, List<Issue> issues) {
    }

    record Issue(String id, String title, String status, long tickets, String ticketsLink) {
    }

    private StoredReport find(String reportId) {
        Optional<StoredReport> report = archive.find(reportId);
        return report.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + reportId));
    }
}
