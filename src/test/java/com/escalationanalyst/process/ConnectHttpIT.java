package com.escalationanalyst.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationanalyst.testsupport.IntegrationTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The HTTP connector (camunda-connect-http-client 7.23.0) runs on the 7.24 engine: a service task
 * sends a request to a server on loopback and gets its answer back into the process.
 */
@IntegrationTest
class ConnectHttpIT {

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    HttpServer server;
    final AtomicReference<String> received = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Probe")
                        + " " + body);
                byte[] answer = ("{\"echo\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(201, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void serviceTaskSendsARequestThroughTheHttpConnectorAndReadsTheAnswer() {
        repositoryService.createDeployment()
                .addClasspathResource("bpmn-test/ConnectRoundTripProcess.bpmn")
                .deploy();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/echo";

        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey("ConnectRoundTripProcess")
                .setVariables(Map.of("url", url, "payload", "ping-42"))
                .executeWithVariablesInReturn();

        assertThat(received.get()).isEqualTo("POST escalation-analyst ping-42");
        assertThat(instance.getVariables().get("responseStatus")).isEqualTo(201);
        assertThat(instance.getVariables().get("responseBody")).isEqualTo("{\"echo\":\"ping-42\"}");
    }
}
