package com.escalationanalyst.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server for one test: it stores every message it is given and answers like any server, except
 * that, while armed, it runs an action (killing the sending node) after it has stored a message and before it
 * answers 250 to it: the window the sender cannot close, where the message was accepted and the sender never
 * learnt so.
 */
final class KillingSmtpServer implements AutoCloseable {

    record Received(String recipient, String messageId, String raw) {
    }

    private final ServerSocket server = new ServerSocket(0);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Runnable onFirstMessage;

    KillingSmtpServer() throws IOException {
        Thread thread = new Thread(this::serve, "killing-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Received> received() {
        return received;
    }

    /** Runs {@code action} once, after the next message is stored and before it is acknowledged. */
    void armAfterNextMessage(Runnable action) {
        onFirstMessage = action;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                session(socket);
            } catch (IOException connectionGone) {
                // the killed sender's connection, or the server closing
            }
        }
    }

    private void session(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 test SMTP");
        String recipient = null;
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> reply(out, "250 test");
                case "RCPT" -> {
                    recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    reply(out, "250 OK");
                }
                case "DATA" -> {
                    reply(out, "354 go ahead");
                    StringBuilder raw = new StringBuilder();
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        raw.append(data).append("\r\n");
                    }
                    received.add(new Received(recipient, header(raw.toString(), "Message-ID"), raw.toString()));
                    Runnable action = onFirstMessage;
                    if (action != null) {
                        onFirstMessage = null;
                        action.run();
                        return; // the sender is gone: it never hears the 250
                    }
                    reply(out, "250 accepted");
                }
                case "QUIT" -> {
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "250 OK");
            }
        }
    }

    private static String header(String raw, String name) {
        for (String line : raw.split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
