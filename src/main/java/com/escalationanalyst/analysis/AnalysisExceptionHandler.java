package com.escalationanalyst.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad analysis and report requests: 400 {"error": "...", "field": "..."}. */
@RestControllerAdvice(basePackages = {"com.escalationanalyst.analysis", "com.escalationanalyst.report",
        "com.escalationanalyst.archive", "com.escalationanalyst.ask", "com.escalationanalyst.drilldown"})
class AnalysisExceptionHandler {

    @ExceptionHandler(AnalysisRequestException.class)
    ResponseEntity<Map<String, Object>> badField(AnalysisRequestException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("field", e.field());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "body: not valid JSON");
        body.put("field", "body");
        return ResponseEntity.badRequest().body(body);
    }
}
