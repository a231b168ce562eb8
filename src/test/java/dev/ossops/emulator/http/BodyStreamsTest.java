package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyStreamsTest {
    private static InputStream wire(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void chunked_decodesChunksExtensionsAndTrailer_leavesTheNextRequest() throws IOException {
        InputStream in = wire("5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\nGET /next");
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
    void fixed_shortBody_isEof() {
        assertThrows(EOFException.class, () -> BodyStreams.fixed(wire("abc"), 6).readAllBytes());
    }

    @Test
    void chunked_badSize_isIoException() {
        IOException e = assertThrows(IOException.class, () -> BodyStreams.chunked(wire("zz\r\n")).readAllBytes());
        assertEquals("bad chunk size 'zz'", e.getMessage());
    }
}
