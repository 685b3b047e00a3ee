package com.escalationanalyst.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for the application under test, authenticated as the test administrator. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    public Api(int port) {
        this(port, TestCredentials.ADMIN, TestCredentials.PASSWORD);
    }

    public Api(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is read and thrown away as it arrives (large downloads); the number of bytes it had. */
    public long download(String path) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            try (java.io.InputStream in = response.body()) {
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PUT without a body. */
    public HttpResponse<String> put(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization).DELETE());
    }

    public HttpResponse<String> getAnonymous(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST whose body is streamed from a file (large imports). */
    public HttpResponse<String> postFile(String path, String contentType, java.nio.file.Path body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(body)));
        } catch (java.io.FileNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** A POST whose body is read from {@code body} as it is sent (chunked), so it can be larger than memory. */
    public HttpResponse<String> postStream(String path, String contentType, java.util.function.Supplier<java.io.InputStream> body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> postAnonymous(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart/form-data upload with one file part named {@code field}. */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] content) {
        String boundary = "----ea" + System.nanoTime();
        return post(path, "multipart/form-data; boundary=" + boundary, multipart(boundary, field, fileName, content));
    }

    /** The same upload sent chunked: the request declares no length, as a streaming client's may not. */
    public HttpResponse<String> uploadChunked(String path, String field, String fileName, byte[] content) {
        String boundary = "----ea" + System.nanoTime();
        byte[] body = multipart(boundary, field, fileName, content);
        return postStream(path, "multipart/form-data; boundary=" + boundary, () -> new java.io.ByteArrayInputStream(body));
    }

    private static byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return body;
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
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
