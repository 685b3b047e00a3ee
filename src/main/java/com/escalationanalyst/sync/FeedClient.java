package com.escalationanalyst.sync;

import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * Requests to the data feeds through camunda-connect's HTTP connector, with timeouts. The
 * authorization header is set here and nowhere else: it never reaches a process variable or a log line.
 */
@Component
public class FeedClient {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int READ_TIMEOUT_MILLIS = 30_000;
    static final long FIRST_BACK_OFF_SECONDS = 15;
    static final long MAX_BACK_OFF_SECONDS = 900;

    /** Status, body and the Retry-After header of one answer. */
    public record FeedResponse(int status, String body, String retryAfter) {
    }

    public FeedResponse get(String url, String authorization) {
        return execute(Connectors.<HttpConnector>getConnector(HttpConnector.ID).createRequest().get().url(url), authorization);
    }

    /** A POST with a JSON body (search APIs page through their results this way). */
    public FeedResponse postJson(String url, String json, String authorization) {
        return execute(Connectors.<HttpConnector>getConnector(HttpConnector.ID).createRequest().post().url(url)
                .contentType("application/json").payload(json), authorization);
    }

    private FeedResponse execute(HttpRequest request, String authorization) {
        request.header("Accept", "application/json")
                .configOption("connection-timeout", CONNECT_TIMEOUT_MILLIS)
                .configOption("socket-timeout", READ_TIMEOUT_MILLIS);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse response = request.execute();
        try {
            return new FeedResponse(response.getStatusCode(), response.getResponse(), response.getHeader("Retry-After"));
        } finally {
            response.close();
        }
    }

    /**
     * How long to wait after a 429: Retry-After in seconds when the answer says (at least one); without it (or
     * with a value that is not a number of seconds), {@value #FIRST_BACK_OFF_SECONDS} s doubled for every 429 in a
     * row before this one, at most {@value #MAX_BACK_OFF_SECONDS} s. {@code inARow}: 429s in a row, this one included.
     */
    public static long retryAfterSeconds(String header, long inARow) {
        if (header != null) {
            try {
                return Math.max(1, Long.parseLong(header.trim()));
            } catch (NumberFormatException e) {
                // an HTTP date or nonsense: back off as if nothing was said
            }
        }
        long doublings = Math.min(Math.max(0, inARow - 1), 20);
        return Math.min(MAX_BACK_OFF_SECONDS, FIRST_BACK_OFF_SECONDS << doublings);
    }
}
