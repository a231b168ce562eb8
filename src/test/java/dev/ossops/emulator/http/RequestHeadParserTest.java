package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestHeadParserTest {
    private static final HttpLimits LIMITS = new HttpLimits(
            128,
            512,
            10,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            1024,
            Duration.ofSeconds(10),
            16,
            2);

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Parses a head fed in one piece; the head must be complete. */
    private static RequestHead parse(String wire) throws ProtocolError {
        RequestHeadParser parser = new RequestHeadParser(LIMITS);
        byte[] bytes = ascii(wire);
        int used = parser.feed(bytes, 0, bytes.length);
        assertEquals(bytes.length, used, "the whole input is the head");
        return parser.head();
    }

    private static ProtocolError refused(String wire) {
        RequestHeadParser parser = new RequestHeadParser(LIMITS);
        byte[] bytes = ascii(wire);
        return assertThrows(ProtocolError.class, () -> parser.feed(bytes, 0, bytes.length));
    }

    @Test
    void feed_byteByByte_findsTheEndOfTheHeadAndLeavesTheBody() throws ProtocolError {
        RequestHeadParser parser = new RequestHeadParser(LIMITS);
        byte[] bytes = ascii("\r\nPUT /b/k?acl HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Oss-Meta-A:  v \r\n\r\nBODY");
        assertFalse(parser.started());
        int end = -1;
        for (int i = 0; i < bytes.length && end < 0; i++) {
            end = parser.feed(bytes, i, 1) < 0 ? -1 : i + 1;
        }
        assertEquals(bytes.length - 4, end);
        assertTrue(parser.started());
        RequestHead head = parser.head();
        assertEquals("PUT", head.method());
        assertEquals("/b/k?acl", head.target());
        assertEquals("HTTP/1.1", head.version());
        assertEquals(List.of(Map.entry("Host", "127.0.0.1"), Map.entry("X-Oss-Meta-A", "v")), head.headers());
    }

    @Test
    void feed_utf8Value_isDecoded() throws ProtocolError {
        RequestHeadParser parser = new RequestHeadParser(LIMITS);
        byte[] head = "GET / HTTP/1.1\r\nHost: h\r\nX-Oss-Meta-City: Zürich\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        parser.feed(head, 0, head.length);
        assertEquals("Zürich", parser.head().header("x-oss-meta-city"));
    }

    @Test
    void feed_bareLineFeed_is400() {
        ProtocolError e = refused("GET / HTTP/1.1\nHost: h\r\n\r\n");
        assertEquals(400, e.status());
        assertEquals("A line of the request head ends with a bare LF instead of CRLF.", e.getMessage());
    }

    @Test
    void feed_bareCarriageReturnInAHeader_is400() {
        ProtocolError e = refused("GET / HTTP/1.1\r\nHost: h\r\nX-Oss-Meta-A: v\rSet-Cookie: s=1\r\n\r\n");
        assertEquals(400, e.status());
        assertEquals("A CR in the request head is not followed by LF.", e.getMessage());
    }

    @Test
    void feed_obsFold_is400() {
        ProtocolError e = refused("GET / HTTP/1.1\r\nHost: h\r\nX-A: one\r\n two\r\n\r\n");
        assertEquals(400, e.status());
        assertEquals("Folded header lines (obs-fold) are not accepted.", e.getMessage());
    }

    @Test
    void feed_whitespaceBeforeColon_is400() {
        ProtocolError e = refused("GET / HTTP/1.1\r\nHost : h\r\n\r\n");
        assertEquals(400, e.status());
        assertEquals("A header field name is malformed.", e.getMessage());
    }

    @Test
    void feed_nulInAValue_is400() {
        ProtocolError e = refused("GET / HTTP/1.1\r\nHost: h\r\nX-Oss-Meta-A: a\0b\r\n\r\n");
        assertEquals(400, e.status());
        assertEquals("The value of header X-Oss-Meta-A contains a control character.", e.getMessage());
    }

    @Test
    void feed_requestLineTooLong_is414BeforeItEnds() {
        RequestHeadParser parser = new RequestHeadParser(LIMITS);
        byte[] bytes = ascii("GET /" + "a".repeat(200));
        ProtocolError e = assertThrows(ProtocolError.class, () -> parser.feed(bytes, 0, bytes.length));
        assertEquals(414, e.status());
        assertEquals("The request line is longer than 128 bytes.", e.getMessage());
    }

    @Test
    void feed_headerSectionTooLarge_is431BeforeItEnds() {
        RequestHeadParser parser = new RequestHeadParser(LIMITS);
        byte[] bytes = ascii("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(600));
        ProtocolError e = assertThrows(ProtocolError.class, () -> parser.feed(bytes, 0, bytes.length));
        assertEquals(431, e.status());
        assertEquals("The request header fields are larger than 512 bytes.", e.getMessage());
    }

    @Test
    void feed_tooManyFields_is431() {
        StringBuilder wire = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
        for (int i = 0; i < 10; i++) {
            wire.append("X-").append(i).append(": v\r\n");
        }
        ProtocolError e = refused(wire.append("\r\n").toString());
        assertEquals(431, e.status());
        assertEquals("The request has more than 10 header fields.", e.getMessage());
    }

    @Test
    void feed_malformedRequestLines_are400And505() {
        assertEquals(400, refused("GET  / HTTP/1.1\r\n\r\n").status());
        assertEquals(400, refused("GET /a b HTTP/1.1\r\n\r\n").status());
        assertEquals(400, refused("G(T / HTTP/1.1\r\n\r\n").status());
        assertEquals(400, refused("GET / FTP/1.1\r\n\r\n").status());
        ProtocolError e = refused("GET / HTTP/2.0\r\n\r\n");
        assertEquals(505, e.status());
        assertEquals("HTTP version 2.0 is not supported.", e.getMessage());
    }

    @Test
    void feed_endlessEmptyLines_is400() {
        assertEquals(
                "Too many empty lines before the request line.",
                refused("\r\n".repeat(9)).getMessage());
    }

    @Test
    void framing_contentLengthAndChunked_asDeclared() throws ProtocolError {
        assertEquals(
                new RequestHead.NoBody(),
                parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n").framing());
        assertEquals(
                new RequestHead.Fixed(5),
                parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\n").framing());
        assertEquals(
                new RequestHead.Fixed(5),
                parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 5\r\n\r\n")
                        .framing());
        assertEquals(
                new RequestHead.Chunked(),
                parse("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n")
                        .framing());
    }

    @Test
    void framing_negativeContentLength_is400() throws ProtocolError {
        ProtocolError e = assertThrows(
                ProtocolError.class,
                () -> parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n")
                        .framing());
        assertEquals(400, e.status());
        assertEquals("Content-Length is not a valid number.", e.getMessage());
    }

    @Test
    void framing_overflowingContentLength_is400() throws ProtocolError {
        RequestHead head = parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n");
        assertEquals(
                "Content-Length is not a valid number.",
                assertThrows(ProtocolError.class, head::framing).getMessage());
        RequestHead justOver = parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 9223372036854775808\r\n\r\n");
        assertEquals(
                "Content-Length is not a valid number.",
                assertThrows(ProtocolError.class, justOver::framing).getMessage());
    }

    @Test
    void framing_twoDifferentContentLengths_is400() throws ProtocolError {
        RequestHead head = parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n");
        ProtocolError e = assertThrows(ProtocolError.class, head::framing);
        assertEquals(400, e.status());
        assertEquals("The request carries conflicting Content-Length values.", e.getMessage());
    }

    @Test
    void framing_contentLengthWithTransferEncoding_is400() throws ProtocolError {
        RequestHead head =
                parse("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n");
        ProtocolError e = assertThrows(ProtocolError.class, head::framing);
        assertEquals(400, e.status());
        assertEquals("A request cannot carry both Content-Length and Transfer-Encoding.", e.getMessage());
    }

    @Test
    void framing_unknownTransferCoding_is501() throws ProtocolError {
        RequestHead head = parse("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n");
        ProtocolError e = assertThrows(ProtocolError.class, head::framing);
        assertEquals(501, e.status());
        assertEquals("Transfer coding 'gzip' is not implemented.", e.getMessage());
    }

    @Test
    void framing_chunkedTwice_is400() throws ProtocolError {
        RequestHead head =
                parse("PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertEquals(
                "Transfer-Encoding must name chunked exactly once.",
                assertThrows(ProtocolError.class, head::framing).getMessage());
    }

    @Test
    void framing_transferEncodingInHttp10_is400() throws ProtocolError {
        RequestHead head = parse("PUT / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertEquals(
                "Transfer-Encoding is not allowed in an HTTP/1.0 request.",
                assertThrows(ProtocolError.class, head::framing).getMessage());
    }

    @Test
    void framing_missingOrRepeatedHost_is400ForHttp11() throws ProtocolError {
        RequestHead none = parse("GET / HTTP/1.1\r\n\r\n");
        assertEquals(
                "An HTTP/1.1 request needs exactly one Host header.",
                assertThrows(ProtocolError.class, none::framing).getMessage());
        RequestHead two = parse("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        assertEquals(400, assertThrows(ProtocolError.class, two::framing).status());
        assertEquals(new RequestHead.NoBody(), parse("GET / HTTP/1.0\r\n\r\n").framing());
    }

    @Test
    void keepAlive_http11UnlessClosed_http10Never() throws ProtocolError {
        assertTrue(parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n").keepAlive());
        assertFalse(parse("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n")
                .keepAlive());
        assertFalse(parse("GET / HTTP/1.0\r\n\r\n").keepAlive());
        assertNull(parse("GET / HTTP/1.0\r\n\r\n").header("Host"));
    }
}
