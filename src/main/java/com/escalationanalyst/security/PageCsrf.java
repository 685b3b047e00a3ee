package com.escalationanalyst.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The pages' forms (the knowledge page's uploads, activations and deactivations) change data with the
 * browser's credentials, so each form carries a token of the user's session (synchroniser token) and the
 * browser must name this host as the form's origin: {@code Origin}, or {@code Referer} where a browser sends
 * no Origin. A missing token, a missing or foreign origin and {@code Origin: null} are refused.
 */
public final class PageCsrf {

    /** The form field, and the model attribute the page renders into it. */
    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = PageCsrf.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PageCsrf() {
    }

    /** This session's token, created on first use. */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            String token = (String) session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return token;
        }
    }

    /** Why a form post is refused, or null when it comes from this application's page in this session. */
    public static String problem(HttpServletRequest request, String submittedToken) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return "form post refused: the browser named no origin";
            }
            if (!BasicAuthenticationFilter.sameOrigin(referer, request)) {
                return "cross-site form post refused";
            }
        } else if (!BasicAuthenticationFilter.sameOrigin(origin, request)) {
            return "cross-site form post refused";
        }
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
        if (expected == null || submittedToken == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submittedToken.getBytes(StandardCharsets.UTF_8))) {
            return "form post refused: the page's form token is missing or out of date; reload the page and try again";
        }
        return null;
    }
}
