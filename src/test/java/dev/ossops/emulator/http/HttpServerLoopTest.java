package dev.ossops.emulator.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wire-level server on its own, with raw bytes on loopback sockets and a handler that says what it was given. */
class HttpServerLoopTest {
    private static final String HOST = "Host: 127.0.0.1\r\n";

    private final List<String> served = new CopyOnWriteArrayList<>();
    private final List<HttpServerLoop> servers = new ArrayList<>();

    /** Reads the whole body and answers what it saw; a failed body becomes a 400 naming the failure. */
    private Reply handle(IncomingRequest request) {
        String target = request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        served.add(request.method() + " " + target);
        if (target.equals("/refuse")) {
            return Reply.bytes(403, "text/plain", "refused".getBytes(StandardCharsets.UTF_8));
        }
        if (target.equals("/inject")) {
            return Reply.bytes(200, "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                    .header("Content-Disposition", "inline\r\nSet-Cookie: session=attacker");
        }
        try {
            byte[] body = request.body().readAllBytes();
            return Reply.bytes(
                    200,
                    "text/plain",
                    (request.method() + " " + target + " " + new String(body, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Reply.bytes(400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    private int start(HttpLimits limits) {
        try {
            HttpServerLoop server = new HttpServerLoop(InetAddress.getLoopbackAddress(), 0, this::handle, limits);
            servers.add(server);
            return server.port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int start() {
        return start(HttpLimits.defaults());
    }

    private static HttpLimits limits(Duration headDeadline, Duration bodyIdle, int maxConnections, int workers) {
        return new HttpLimits(
                16 * 1024,
                64 * 1024,
                200,
                headDeadline,
                Duration.ofSeconds(60),
                bodyIdle,
                1024,
                Duration.ofSeconds(10),
                maxConnections,
                workers);
    }

    @AfterEach
    void stop() {
        servers.forEach(HttpServerLoop::close);
    }

    private static String status(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void serve_keepAliveAndPipelinedRequests_areAnsweredInOrder() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            client.send("PUT /a HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\n\r\nabcGET /b?x=1 HTTP/1.1\r\n" + HOST
                    + "Connection: close\r\n\r\n");
            List<String> responses = client.responsesUntilClosed();
            assertEquals(2, responses.size());
            assertEquals("PUT /a abc", body(responses.get(0)));
            assertTrue(responses.get(0).contains("\r\nConnection: keep-alive\r\n"), responses.get(0));
            assertEquals("GET /b?x=1 ", body(responses.get(1)));
            assertTrue(responses.get(1).contains("\r\nConnection: close\r\n"), responses.get(1));
        }
    }

    @Test
    void serve_chunkedBody_isDecoded() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response = client.send("POST /c HTTP/1.1\r\n" + HOST
                            + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n")
                    .response();
            assertEquals("POST /c abcde", body(response));
        }
    }

    @Test
    void serve_contentLengthMinusOne_is400AndTheHiddenRequestIsNeverServed() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            client.send("POST /front HTTP/1.1\r\n" + HOST + "Content-Length: -1\r\n\r\nGET /hidden HTTP/1.1\r\n" + HOST
                    + "\r\n");
            List<String> responses = client.responsesUntilClosed();
            assertEquals(1, responses.size());
            assertEquals("HTTP/1.1 400 Bad Request", status(responses.get(0)));
            assertTrue(responses.get(0).contains("\r\nConnection: close\r\n"));
            assertEquals("Content-Length is not a valid number.\n", body(responses.get(0)));
        }
        assertEquals(List.of(), served);
    }

    @Test
    void serve_contentLengthAndChunked_is400AndNothingIsServed() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            client.send("POST /front HTTP/1.1\r\n" + HOST + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /hidden HTTP/1.1\r\n" + HOST + "\r\n");
            List<String> responses = client.responsesUntilClosed();
            assertEquals(
                    List.of("HTTP/1.1 400 Bad Request"),
                    responses.stream().map(HttpServerLoopTest::status).toList());
            assertEquals("A request cannot carry both Content-Length and Transfer-Encoding.\n", body(responses.get(0)));
        }
        assertEquals(List.of(), served);
    }

    @Test
    void serve_twoContentLengths_is400() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response = client.send(
                            "POST /a HTTP/1.1\r\n" + HOST + "Content-Length: 3\r\nContent-Length: 30\r\n\r\nabc")
                    .response();
            assertEquals("HTTP/1.1 400 Bad Request", status(response));
            assertEquals("The request carries conflicting Content-Length values.\n", body(response));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void serve_unknownTransferCoding_is501() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response = client.send("POST /a HTTP/1.1\r\n" + HOST + "Transfer-Encoding: compress\r\n\r\n")
                    .response();
            assertEquals("HTTP/1.1 501 Not Implemented", status(response));
            assertEquals("Transfer coding 'compress' is not implemented.\n", body(response));
            assertTrue(client.closedByServer());
        }
        assertEquals(List.of(), served);
    }

    @Test
    void serve_negativeChunkSize_isAnsweredAndTheConnectionClosed() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            client.send("POST /c HTTP/1.1\r\n" + HOST
                    + "Transfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\nGET /hidden HTTP/1.1\r\n" + HOST
                    + "\r\n");
            List<String> responses = client.responsesUntilClosed();
            assertEquals(1, responses.size());
            assertEquals("HTTP/1.1 400 Bad Request", status(responses.get(0)));
            assertEquals(
                    "The chunked request body is malformed: chunk size '-5' is not 1 to 15 hex digits.",
                    body(responses.get(0)));
            assertTrue(responses.get(0).contains("\r\nConnection: close\r\n"));
        }
        assertEquals(List.of("POST /c"), served);
    }

    @Test
    void serve_obsFoldAndBareLineFeed_are400() throws IOException {
        int port = start();
        try (RawSocket client = new RawSocket(port)) {
            String response = client.send("GET /a HTTP/1.1\r\n" + HOST + "X-A: 1\r\n 2\r\n\r\n")
                    .response();
            assertEquals("HTTP/1.1 400 Bad Request", status(response));
            assertEquals("Folded header lines (obs-fold) are not accepted.\n", body(response));
        }
        try (RawSocket client = new RawSocket(port)) {
            String response = client.send("GET /a HTTP/1.1\n" + HOST + "\r\n").response();
            assertEquals("A line of the request head ends with a bare LF instead of CRLF.\n", body(response));
        }
        assertEquals(List.of(), served);
    }

    @Test
    void serve_headerSectionOverTheLimit_is431() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response = client.send("GET /a HTTP/1.1\r\n" + HOST
                            + ("X-Filler: " + "f".repeat(1000) + "\r\n").repeat(70) + "\r\n")
                    .response();
            assertEquals("HTTP/1.1 431 Request Header Fields Too Large", status(response));
            assertEquals("The request header fields are larger than 65536 bytes.\n", body(response));
            assertTrue(client.closedByServer());
        }
        assertEquals(List.of(), served);
    }

    @Test
    void serve_requestLineOverTheLimit_is414() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response = client.send("GET /" + "k".repeat(17 * 1024) + " HTTP/1.1\r\n" + HOST + "\r\n")
                    .response();
            assertEquals("HTTP/1.1 414 URI Too Long", status(response));
            assertEquals("The request line is longer than 16384 bytes.\n", body(response));
        }
    }

    @Test
    void serve_headNotCompleteBeforeTheDeadline_is408WhileOthersAreServed() throws IOException {
        int port = start(limits(Duration.ofMillis(300), Duration.ofSeconds(60), 64, 1));
        List<RawSocket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                slow.add(new RawSocket(port).send("GET /slow HTTP/1.1\r\n" + HOST + "X-Trickle: a"));
            }
            try (RawSocket client = new RawSocket(port)) {
                assertEquals(
                        "GET /fast ",
                        body(client.send("GET /fast HTTP/1.1\r\n" + HOST + "\r\n")
                                .response()));
            }
            for (RawSocket s : slow) {
                String response = s.response();
                assertEquals("HTTP/1.1 408 Request Timeout", status(response));
                assertEquals("The request head was not received within 300 ms.\n", body(response));
                assertTrue(s.closedByServer());
            }
        } finally {
            for (RawSocket s : slow) {
                s.close();
            }
        }
        assertEquals(List.of("GET /fast"), served);
    }

    @Test
    void serve_atTheConnectionLimit_theLongestWaitingIdleConnectionMakesRoom() throws IOException {
        int port = start(limits(Duration.ofSeconds(60), Duration.ofSeconds(60), 4, 2));
        List<RawSocket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                idle.add(new RawSocket(port).send("GET /idle-" + i));
            }
            try (RawSocket client = new RawSocket(port)) {
                assertEquals(
                        "GET /next ",
                        body(client.send("GET /next HTTP/1.1\r\n" + HOST + "\r\n")
                                .response()));
            }
            assertTrue(idle.get(0).closedByServer(), "the first to wait was closed");
            assertTrue(idle.get(3).openAndSilentFor(200), "the last to arrive still waits");
        } finally {
            for (RawSocket s : idle) {
                s.close();
            }
        }
    }

    @Test
    void serve_bodyThatStalls_isAFailedBodyForTheHandler() throws IOException {
        int port = start(limits(Duration.ofSeconds(60), Duration.ofMillis(300), 64, 2));
        try (RawSocket client = new RawSocket(port)) {
            String response = client.send("PUT /stall HTTP/1.1\r\n" + HOST + "Content-Length: 10\r\n\r\nabc")
                    .response();
            assertEquals("HTTP/1.1 400 Bad Request", status(response));
            assertEquals("The request body was not received within the timeout period.", body(response));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void serve_bodyTrickledBelowTheRateFloor_isAFailedBodyAndFreesTheWorker() throws Exception {
        // One worker, a floor of 1 KiB/s after half a second; the client sends a byte every 50 ms (20 bytes/s).
        HttpLimits limits = new HttpLimits(
                16 * 1024,
                64 * 1024,
                200,
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                1024,
                Duration.ofMillis(500),
                64,
                1);
        int port = start(limits);
        try (RawSocket client = new RawSocket(port)) {
            client.send("PUT /trickle HTTP/1.1\r\n" + HOST + "Content-Length: 100000\r\n\r\n");
            String response = null;
            for (int i = 0; i < 200 && response == null; i++) {
                Thread.sleep(50);
                try {
                    client.send("x");
                } catch (IOException closed) {
                    break;
                }
                if (!client.openAndSilentFor(1)) {
                    response = client.response();
                }
            }
            assertEquals("HTTP/1.1 400 Bad Request", status(String.valueOf(response)));
            assertEquals("The request body was not received within the timeout period.", body(response));
        }
        // The one worker is free again.
        try (RawSocket next = new RawSocket(port)) {
            assertEquals(
                    "HTTP/1.1 200 OK",
                    status(next.send("GET /after HTTP/1.1\r\n" + HOST + "\r\n").response()));
        }
    }

    @Test
    void serve_expectContinueRefusedBeforeTheBody_answersWithoutContinue() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response = client.send(
                            "PUT /refuse HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n")
                    .response();
            assertEquals("HTTP/1.1 403 Forbidden", status(response));
            assertTrue(response.contains("\r\nConnection: close\r\n"));
        }
    }

    @Test
    void serve_expectContinueRead_sendsContinueFirst() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            client.send("PUT /up HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue\r\n\r\n", client.response());
            assertEquals("PUT /up hello", body(client.send("hello").response()));
        }
    }

    @Test
    void write_headerValueWithCrlf_isNeverWritten() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            String response =
                    client.send("GET /inject HTTP/1.1\r\n" + HOST + "\r\n").response();
            assertEquals("HTTP/1.1 500 Internal Server Error", status(response));
            assertFalse(response.contains("Set-Cookie"), response);
            assertEquals("The response carried a header value the server refuses to write.\n", body(response));
            assertTrue(client.closedByServer());
        }
    }

    @Test
    void write_statusLinesCarryTheirReasons() throws IOException {
        try (RawSocket client = new RawSocket(start())) {
            assertEquals(
                    "HTTP/1.1 505 HTTP Version Not Supported",
                    status(client.send("GET / HTTP/3.0\r\n\r\n").response()));
        }
    }
}
