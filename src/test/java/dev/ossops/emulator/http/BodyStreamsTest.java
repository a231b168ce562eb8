package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyStreamsTest {
    private static InputStream wire(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static RequestBodyException chunkedFails(String body) {
        return assertThrows(
                RequestBodyException.class,
                () -> BodyStreams.chunked(wire(body)).readAllBytes());
    }

    @Test
    void chunked_decodesChunksExtensionsAndTrailer_leavesTheNextRequest() throws IOException {
        InputStream in = wire("5;ext=1\r\nhello\r\n7 ;name\r\n, world\r\n0\r\nTrailer: x\r\n\r\nGET /next");
        assertEquals("hello, world", new String(BodyStreams.chunked(in).readAllBytes(), StandardCharsets.US_ASCII));
        assertEquals("GET /next", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void fixed_readsExactlyTheLength() throws IOException {
        InputStream in = wire("abcdefGET");
        assertEquals("abcdef", new String(BodyStreams.fixed(in, 6).readAllBytes(), StandardCharsets.US_ASCII));
        assertEquals("GET", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void fixed_shortBody_isIncompleteBody() {
        RequestBodyException e = assertThrows(
                RequestBodyException.class,
                () -> BodyStreams.fixed(wire("abc"), 6).readAllBytes());
        assertEquals(OssError.INCOMPLETE_BODY, e.error());
        assertEquals("The request body ended 3 bytes before its Content-Length of 6.", e.getMessage());
    }

    @Test
    void chunked_badSize_isMalformed() {
        RequestBodyException e = chunkedFails("zz\r\n");
        assertEquals(OssError.INVALID_ARGUMENT, e.error());
        assertEquals(
                "The chunked request body is malformed: chunk size 'zz' is not 1 to 15 hex digits.", e.getMessage());
    }

    @Test
    void chunked_negativeSize_isMalformed() {
        assertEquals(
                "The chunked request body is malformed: chunk size '-5' is not 1 to 15 hex digits.",
                chunkedFails("-5\r\nhello\r\n0\r\n\r\n").getMessage());
    }

    @Test
    void chunked_signedOrSpacedOrOverflowingSize_isMalformed() {
        assertEquals(
                OssError.INVALID_ARGUMENT,
                chunkedFails("+5\r\nhello\r\n0\r\n\r\n").error());
        assertEquals(
                OssError.INVALID_ARGUMENT,
                chunkedFails("5 5\r\nhello\r\n0\r\n\r\n").error());
        assertEquals(
                "The chunked request body is malformed: chunk size 'ffffffffffffffff' is not 1 to 15 hex digits.",
                chunkedFails("ffffffffffffffff\r\n").getMessage());
    }

    @Test
    void chunked_dataNotFollowedByCrlf_isMalformed() {
        assertEquals(
                "The chunked request body is malformed: chunk data is not followed by CRLF.",
                chunkedFails("5\r\nhelloXX\r\n0\r\n\r\n").getMessage());
    }

    @Test
    void chunked_bareLineFeed_isMalformed() {
        assertEquals(
                "The chunked request body is malformed: a line ends with a bare LF.",
                chunkedFails("5\nhello\n0\n\n").getMessage());
    }

    @Test
    void chunked_endsInsideAChunk_isIncompleteBody() {
        RequestBodyException e = chunkedFails("a\r\nhello");
        assertEquals(OssError.INCOMPLETE_BODY, e.error());
        assertEquals("The chunked request body ended inside a chunk.", e.getMessage());
    }

    @Test
    void chunked_endsBeforeTheLastChunk_isIncompleteBody() {
        assertEquals(
                "The chunked request body ended before its last chunk.",
                chunkedFails("5\r\nhello\r\n").getMessage());
    }

    @Test
    void chunked_endlessTrailer_isMalformed() {
        String trailer = ("X-T: " + "t".repeat(1000) + "\r\n").repeat(20);
        assertEquals(
                "The chunked request body is malformed: the trailer section is larger than 16384 bytes.",
                chunkedFails("0\r\n" + trailer + "\r\n").getMessage());
    }
}
