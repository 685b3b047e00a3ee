package com.escalationanalyst.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client of the application's pages: keeps the session cookie, reads the form token the page
 * renders and posts forms with it and with the Origin a browser sends.
 */
public final class PageSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private final String authorization;
    private String token;

    public PageSession(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (TestCredentials.ADMIN + ":" + TestCredentials.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    public String origin() {
        return base;
    }

    /** GET a page; remembers the form token it carries. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).GET());
        Matcher m = TOKEN.matcher(page.body());
        if (m.find()) {
            token = m.group(1);
        }
        return page;
    }

    public String token() {
        return token;
    }

    /** A multipart form post with the page's token (when {@code withToken}) and the given Origin (null: none). */
    public HttpResponse<String> upload(String path, String fileName, byte[] content, boolean withToken, String origin) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (withToken) {
            fields.put("_csrf", token);
        }
        String boundary = "----page" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    /** A urlencoded form post (activate, deactivate) with the page's token and this host as Origin. */
    public HttpResponse<String> form(String path, boolean withToken, String origin) {
        String form = withToken ? "_csrf=" + token : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
