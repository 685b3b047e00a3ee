package com.escalationanalyst.helpdesk.sync;

import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.HttpRequest;
import org.camunda.connect.httpclient.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * GET requests to the data feeds through camunda-connect's HTTP connector, with timeouts. The
 * authorization header is set here and nowhere else: it never reaches a process variable or a log line.
 */
@Component
class FeedClient {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int READ_TIMEOUT_MILLIS = 30_000;

    /** Status, body and the Retry-After header of one answer. */
    record FeedResponse(int status, String body, String retryAfter) {
    }

    FeedResponse get(String url, String authorization) {
        HttpConnector http = Connectors.getConnector(HttpConnector.ID);
        HttpRequest request = http.createRequest().get().url(url)
                .header("Accept", "application/json")
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
}
