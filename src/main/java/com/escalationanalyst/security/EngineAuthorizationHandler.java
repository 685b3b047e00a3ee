package com.escalationanalyst.security;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Camunda authorization refusing what an application endpoint does for a user: 403 with the engine's reason
 * (which permission on which resource is missing), as the application's own group check answers, never a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class EngineAuthorizationHandler {

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, String>> refused(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", "forbidden: " + e.getMessage()));
    }
}
