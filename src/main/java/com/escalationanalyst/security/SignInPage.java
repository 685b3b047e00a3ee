package com.escalationanalyst.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sign-in}: where a browser without a session is sent from the application's pages, and back to the page
 * it asked for once signed in. It signs in to the Camunda web apps' session (Tasklist and Cockpit open without a
 * second login), with the same failed-login throttle as HTTP Basic; {@code next} is only ever a path on this host.
 */
@Controller
class SignInPage {

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final LoginThrottle throttle;

    SignInPage(ProcessEngine engine, LoginThrottle throttle) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
        this.throttle = throttle;
    }

    @GetMapping("/sign-in")
    String form(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", localPath(next));
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        String target = localPath(next);
        model.addAttribute("next", target);
        if (BasicAuthenticationFilter.crossSite(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("error", "This sign-in came from another site and was refused.");
            return "sign-in";
        }
        if (username == null || username.isBlank() || password == null) {
            model.addAttribute("error", "Give your user id and password.");
            return "sign-in";
        }
        LoginThrottle.Verdict verdict = throttle.check(username, request.getRemoteAddr());
        if (!verdict.allowed()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            model.addAttribute("error", verdict.reason() + "; try again in " + verdict.retryAfterSeconds() + " s.");
            return "sign-in";
        }
        boolean valid;
        try {
            valid = identityService.checkPassword(username, password);
        } catch (RuntimeException concurrentFailures) {
            valid = false;
        }
        if (!valid) {
            throttle.failed(username, request.getRemoteAddr());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("error", "Unknown user or wrong password.");
            model.addAttribute("username", username);
            return "sign-in";
        }
        throttle.succeeded(username, request.getRemoteAddr());
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, username);
        // a new session id, as the Camunda login does, so that a session id known before signing in is worthless
        AuthenticationUtil.revalidateSession(request, authentication);
        return "redirect:" + target;
    }

    /** A path on this host ("/analyses?x=1"); anything else ("//elsewhere", "https://…") becomes "/analyses". */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x20)) {
            return "/analyses";
        }
        return next;
    }
}
