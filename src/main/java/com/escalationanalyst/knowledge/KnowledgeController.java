package com.escalationanalyst.knowledge;

import com.escalationanalyst.knowledge.KnowledgeRepository.StoredContent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/knowledge/{space}}: upload, list, read, activate and deactivate documents; search. */
@RestController
@RequestMapping("/api")
class KnowledgeController {

    private final KnowledgeService knowledge;
    private final IdentityService identityService;

    KnowledgeController(KnowledgeService knowledge, IdentityService identityService) {
        this.knowledge = knowledge;
        this.identityService = identityService;
    }

    record Version(int version, String mediaType, int sizeBytes, String uploadedBy, String uploadedAt, boolean active) {
    }

    record DocumentVersions(String name, Integer activeVersion, List<Version> versions) {
    }

    @PostMapping(path = "/knowledge/{space}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<KnowledgeDocument> upload(@PathVariable String space, @RequestPart("file") MultipartFile file)
            throws IOException {
        KnowledgeDocument stored;
        try (InputStream in = file.getInputStream()) {
            stored = knowledge.upload(space, file.getOriginalFilename(), file.getSize(), in, currentUser());
        }
        return ResponseEntity.status(201).body(stored);
    }

    @GetMapping("/knowledge/{space}")
    Map<String, Object> list(@PathVariable String space) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("space", space);
        body.put("documents", versions(knowledge.documents(space)));
        return body;
    }

    @GetMapping("/knowledge/{space}/{name}")
    ResponseEntity<String> content(@PathVariable String space, @PathVariable String name,
                                   @RequestParam(required = false) Integer version) {
        StoredContent content = knowledge.content(space, name, version);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.mediaType() + ";charset=UTF-8"))
                .header("X-Document-Version", Integer.toString(content.version()))
                .body(content.content());
    }

    @PostMapping("/knowledge/{space}/{name}/activate")
    Map<String, Object> activate(@PathVariable String space, @PathVariable String name, @RequestParam int version) {
        knowledge.activate(space, name, version);
        return list(space);
    }

    @DeleteMapping("/knowledge/{space}/{name}")
    ResponseEntity<Void> deactivate(@PathVariable String space, @PathVariable String name) {
        knowledge.deactivate(space, name);
        return ResponseEntity.noContent().build();
    }

    /**
     * Which known issue a text describes (what the analyses do per ticket), and why: the match or null, the
     * reason in words, the ids the text names or rules out, whether it reports no defect, and the best
     * candidates with their semantic, lexical and combined scores.
     */
    @GetMapping("/knowledge-search/known-issue")
    Map<String, Object> searchKnownIssue(@RequestParam String text, @RequestParam(required = false) String productArea,
                                         @RequestParam(defaultValue = "3") int candidates) {
        KnownIssueMatcher.Explanation why = knowledge.current().explainKnownIssue(text, productArea);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("match", why.match().orElse(null));
        body.put("reason", why.reason());
        body.put("namedIds", why.namedIds());
        body.put("ruledOutIds", why.ruledOutIds());
        body.put("reportsNoDefect", why.saysCorrectBehaviour());
        body.put("candidates", why.candidates().subList(0, Math.min(Math.max(candidates, 0), why.candidates().size())));
        return body;
    }

    /** Which policy section supports a statement. */
    @GetMapping("/knowledge-search/policy")
    Map<String, Object> searchPolicy(@RequestParam String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("policy", knowledge.current().findPolicy(text).orElse(null));
        return body;
    }

    static List<DocumentVersions> versions(List<KnowledgeDocument> documents) {
        Map<String, List<KnowledgeDocument>> byName = new TreeMap<>();
        documents.forEach(d -> byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d));
        return byName.entrySet().stream().map(e -> new DocumentVersions(e.getKey(),
                e.getValue().stream().filter(KnowledgeDocument::active).map(KnowledgeDocument::version).findFirst()
                        .orElse(null),
                e.getValue().stream().map(d -> new Version(d.version(), d.mediaType(), d.sizeBytes(), d.uploadedBy(),
                        d.uploadedAt().toString(), d.active())).toList())).toList();
    }

    private String currentUser() {
        return identityService.getCurrentAuthentication().getUserId();
    }
}
