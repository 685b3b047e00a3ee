package com.escalationanalyst.analysis.patterns;

import com.escalationanalyst.analysis.AnalysisRunner;
import com.escalationanalyst.process.ProcessIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/analyses/escalation-patterns}: runs AnalyzeEscalationPatternsProcess and returns its result. */
@RestController
class PatternsController {

    private final AnalysisRunner runner;

    PatternsController(AnalysisRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/api/analyses/escalation-patterns")
    JsonNode analyze(@RequestBody(required = false) JsonNode request) {
        return runner.run(ProcessIds.ANALYZE_ESCALATION_PATTERNS, runner.variables(request));
    }
}
