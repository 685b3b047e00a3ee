package com.escalationanalyst.analysis.segments;

import com.escalationanalyst.analysis.AnalysisRunner;
import com.escalationanalyst.process.ProcessIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/analyses/segment-rates}: runs CompareSegmentEscalationRatesProcess and returns its result. */
@RestController
class SegmentsController {

    private final AnalysisRunner runner;

    SegmentsController(AnalysisRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/api/analyses/segment-rates")
    JsonNode compare(@RequestBody(required = false) JsonNode request) {
        return runner.run(ProcessIds.COMPARE_SEGMENT_ESCALATION_RATES, runner.variables(request));
    }
}
