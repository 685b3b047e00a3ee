package com.escalationanalyst.security;

import com.escalationanalyst.api.ProblemType;
import com.escalationanalyst.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication and access for the application API, its pages and the engine REST API. A request
 * authenticates with HTTP Basic against Camunda's identity service or, for pages (GET, and the knowledge
 * page's uploads, which check their origin), with the session of the Camunda web apps' login. The user,
 * groups and tenants are set on the engine for the request, so Camunda authorization applies to everything
 * it does; the application's own endpoints also need a group ({@link AccessRules}): 401 without a user,
 * 403 without the group. Only {@code GET /engine-rest/engine} (engine names, for health checks) stays open.
 * Password checks go through {@link LoginThrottle} (429 while a user or address waits), and a browser's
 * cross-site request that would change something is refused before anything else.
 */
class BasicAuthenticationFilter extends OncePerRequestFilter {

    static final String REALM = "Escalation Analyst";
    static final String CAMUNDA_LOGIN = "/camunda/app/welcome/default/#!/login";

    private final IdentityService identityService;
    private final String engineName;
    private final LoginThrottle throttle;

    BasicAuthenticationFilter(IdentityService identityService, String engineName, LoginThrottle throttle) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) && (path.equals("/engine-rest/engine") || path.equals("/engine-rest/engine/"))) {
            chain.doFilter(request, response);
            return;
        }
        if (crossSite(request)) {
            Problems.write(request, response, Problems.of(ProblemType.FORBIDDEN,
                    "cross-site request refused: the Origin header does not name this host"), Map.of());
            return;
        }
        if (AccessRules.isHealth(path) && request.getHeader("Authorization") == null) {
            // probes: status only, for everyone (orchestrators and load balancers have no user)
            chain.doFilter(request, response);
            return;
        }
        Credentials credentials = credentials(request.getHeader("Authorization"));
        String userId = null;
        if (credentials != null) {
            LoginThrottle.Verdict verdict = throttle.check(credentials.userId(), request.getRemoteAddr());
            if (!verdict.allowed()) {
                tooManyFailures(request, response, verdict, isPage(path));
                return;
            }
            userId = check(credentials, request.getRemoteAddr());
        }
        if (userId == null && request.getHeader("Authorization") == null && sessionAllowed(request.getMethod(), path)) {
            userId = sessionUser(request.getSession(false));
        }
        if (userId == null && credentials == null && isPage(path) && "GET".equals(request.getMethod())) {
            // a browser without a session: to the sign-in page, and back here afterwards
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/sign-in?next=" + URLEncoder.encode(
                    path + (query == null ? "" : "?" + query), StandardCharsets.UTF_8));
            return;
        }
        if (userId == null) {
            String challenge = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";
            if (isPage(path)) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("WWW-Authenticate", challenge);
                response.setCharacterEncoding("UTF-8");
                response.setContentType("text/html");
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Sign in</title>"
                        + "</head><body><p>Sign in with your Camunda user: <a href=\"" + CAMUNDA_LOGIN + "\">log in</a>, "
                        + "then open this page again.</p></body></html>");
            } else {
                Problems.write(request, response, Problems.of(ProblemType.AUTHENTICATION_REQUIRED,
                        "authentication required: HTTP Basic with a user of this application"), Map.of("WWW-Authenticate", challenge));
            }
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        String missing = AccessRules.missingGroup(request.getMethod(), path, groups);
        if (missing != null) {
            Problems.write(request, response, Problems.of(ProblemType.FORBIDDEN,
                    "forbidden: " + request.getMethod() + " " + path + " needs membership in " + missing), Map.of());
            return;
        }
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        identityService.setAuthentication(userId, groups, tenants);
        try {
            chain.doFilter(new AuthenticatedRequest(request, userId, groups), response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static boolean isPage(String path) {
        return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/") || path.equals("/knowledge") || path.startsWith("/knowledge/") || path.equals("/reports") || path.startsWith("/reports/")
                || path.equals("/analyses") || path.startsWith("/analyses/") || path.equals("/tickets") || path.equals("/sla");
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

    /**
     * 429 with {@code Retry-After}: the password was not checked. The reason says whether the address or the
     * user waits, never whether the password would have been right.
     */
    static void tooManyFailures(HttpServletRequest request, HttpServletResponse response, LoginThrottle.Verdict verdict,
                                boolean page) throws IOException {
        String text = verdict.reason() + "; try again in " + verdict.retryAfterSeconds() + " s";
        if (page) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Wait</title>"
                    + "</head><body><p>" + text + ".</p></body></html>");
        } else {
            ProblemDetail problem = Problems.of(ProblemType.TOO_MANY_ATTEMPTS, text);
            problem.setProperty("retryAfterSeconds", verdict.retryAfterSeconds());
            Problems.write(request, response, problem, Map.of("Retry-After", Long.toString(verdict.retryAfterSeconds())));
        }
    }

    /**
     * A browser names the page a request comes from in {@code Origin} on every cross-site POST, PUT or DELETE.
     * Such a request carrying the browser's remembered Basic credentials or session must not change anything
     * here; clients that are not browsers send no Origin. {@code Origin: null} (sandboxed or opaque origins)
     * counts as cross-site.
     */
    static boolean crossSite(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin, request);
    }

    /** Whether an Origin (or Referer) value names the host the request was sent to. */
    static boolean sameOrigin(String url, HttpServletRequest request) {
        if (url == null || url.equals("null")) {
            return false;
        }
        try {
            String authority = java.net.URI.create(url.trim()).getAuthority();
            String host = request.getHeader("Host");
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Credentials(String userId, String password) {
    }

    private String check(Credentials credentials, String address) {
        boolean valid;
        try {
            valid = identityService.checkPassword(credentials.userId(), credentials.password());
        } catch (RuntimeException concurrentFailures) {
            // two failed logins of one user at once: the engine's row update of one of them conflicts
            valid = false;
        }
        if (valid) {
            throttle.succeeded(credentials.userId(), address);
            return credentials.userId();
        }
        throttle.failed(credentials.userId(), address);
        return null;
    }

    private static Credentials credentials(String header) {
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
        return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** The request as the user who sent it: their id as principal, their groups as roles (for /actuator/health's details). */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final Principal user;
        private final List<String> groups;

        AuthenticatedRequest(HttpServletRequest request, String userId, List<String> groups) {
            super(request);
            this.user = () -> userId;
            this.groups = groups;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return user.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            return groups.contains(role);
        }
    }
}
