package com.escalationanalyst.sla;

import com.escalationanalyst.analysis.AnalysisRequestException;
import com.escalationanalyst.analysis.AnalysisRunner;
import com.escalationanalyst.analysis.AnalysisVariables;
import com.escalationanalyst.process.ProcessIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
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
        Map<String, Object> variables = runner.variables(request, Set.of());
        if (variables.get(AnalysisVariables.PRODUCT_AREA) != null) {
            throw new AnalysisRequestException(AnalysisVariables.PRODUCT_AREA,
                    "SLA attainment is measured over every product area; the fields are period, from, to");
        }
        return runner.run(ProcessIds.MEASURE_SLA_ATTAINMENT, variables);
    }
}
