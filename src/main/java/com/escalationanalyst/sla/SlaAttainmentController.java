package com.escalationanalyst.sla;

import com.escalationanalyst.analysis.AnalysisRunner;
import com.escalationanalyst.process.ProcessIds;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/analyses/sla-attainment}: runs MeasureSlaAttainmentProcess for a period and returns its result. */
@RestController
class SlaAttainmentController {

    private final AnalysisRunner runner;

    SlaAttainmentController(AnalysisRunner runner) {
        this.runner = runner;
    }

    @PostMapping("/api/analyses/sla-attainment")
    JsonNode measure(@RequestBody(required = false) JsonNode request) {
        return runner.run(ProcessIds.MEASURE_SLA_ATTAINMENT, runner.variables(request));
    }
}
