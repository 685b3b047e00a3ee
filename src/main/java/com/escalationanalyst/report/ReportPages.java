package com.escalationanalyst.report;

import java.nio.charset.StandardCharsets;
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
 * as it was mailed (the chart, a CID image in the e-mail, is served from {@code /reports/{id}/chart.png}).
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

    private StoredReport find(String reportId) {
        Optional<StoredReport> report = archive.find(reportId);
        return report.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + reportId));
    }
}
