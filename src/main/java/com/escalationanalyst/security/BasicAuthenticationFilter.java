package com.escalationanalyst.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication and access for the application API, its pages and the engine REST API. A request
 * authenticates with HTTP Basic against Camunda's identity service or, for pages (GET, and the knowledge
 * page's uploads, which check their origin), with the session of the Camunda web apps' login. The user,
 * groups and tenants are set on the engine for the request, so Camunda authorization applies to everything
 * it does; the application's own endpoints also need a group ({@link AccessRules}): 401 without a user,
 * 403 without the group. Only {@code GET /engine-rest/engine} (engine names, for health checks) stays open.
 */
class BasicAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Escalation Analyst";
    static final String CAMUNDA_LOGIN = "/camunda/app/welcome/default/#!/login";

    private final IdentityService identityService;
    private final String engineName;

    BasicAuthenticationFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) && (path.equals("/engine-rest/engine") || path.equals("/engine-rest/engine/"))) {
            chain.doFilter(request, response);
            return;
        }
        String userId = authenticate(request.getHeader("Authorization"));
        if (userId == null && request.getHeader("Authorization") == null && sessionAllowed(request.getMethod(), path)) {
            userId = sessionUser(request.getSession(false));
        }
        if (userId == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setCharacterEncoding("UTF-8");
            if (isPage(path)) {
                response.setContentType("text/html");
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Sign in</title>"
                        + "</head><body><p>Sign in with your Camunda user: <a href=\"" + CAMUNDA_LOGIN + "\">log in</a>, "
                        + "then open this page again.</p></body></html>");
            } else {
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"authentication required: HTTP Basic with a user of this application\"}");
            }
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        String missing = AccessRules.missingGroup(request.getMethod(), path, groups);
        if (missing != null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"error\":\"forbidden: " + request.getMethod() + " " + path.replace("\"", "")
                    .replace("\\", "") + " needs membership in " + missing + "\"}");
            return;
        }
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static boolean isPage(String path) {
        return path.equals("/knowledge") || path.startsWith("/knowledge/") || path.equals("/reports") || path.startsWith("/reports/");
    }

    /** The web apps' session is accepted for reading, and for the knowledge page's forms (which check their origin). */
    private static boolean sessionAllowed(String method, String path) {
        return "GET".equals(method) || ("POST".equals(method) && path.startsWith("/knowledge/"));
    }

    private String sessionUser(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engineName);
        return authentication == null ? null : authentication.getIdentityId();
    }

    private String authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return identityService.checkPassword(userId, password) ? userId : null;
    }
}
