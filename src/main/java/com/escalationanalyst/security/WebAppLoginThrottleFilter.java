package com.escalationanalyst.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda web apps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, form fields
 * username and password) under the same {@link LoginThrottle} as HTTP Basic: a waiting user or address is
 * answered 429 before the password is checked; the web apps' answer (200 or 401) is counted.
 */
class WebAppLoginThrottleFilter extends OncePerRequestFilter {

    static final int MAX_FORM_BYTES = 16 * 1024;

    private final LoginThrottle throttle;

    WebAppLoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.matches("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the body is read here and handed on unread: the web apps' login reads the form itself
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "login form larger than " + MAX_FORM_BYTES + " bytes");
            return;
        }
        String userId = formField(new String(body, StandardCharsets.ISO_8859_1), "username");
        String address = request.getRemoteAddr();
        LoginThrottle.Verdict verdict = throttle.check(userId, address);
        if (!verdict.allowed()) {
            BasicAuthenticationFilter.tooManyFailures(request, response, verdict, false);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(userId, address);
        } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(userId, address);
        }
    }

    /** A field of an application/x-www-form-urlencoded body, decoded as UTF-8; null when absent or malformed. */
    static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The request with its body read once and served again to whatever reads it next. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the login form is read synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
