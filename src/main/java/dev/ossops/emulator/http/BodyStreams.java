package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;

import java.io.IOException;
import java.io.InputStream;

/**
 * Request body framing of HTTP/1.1: a fixed Content-Length, or chunked transfer coding read as
 * strictly as RFC 9112 section 7.1 writes it. A body that ends early is {@link OssError#INCOMPLETE_BODY};
 * broken chunk framing is {@link OssError#INVALID_ARGUMENT}; both end the connection, as the next
 * request's start can no longer be found.
 */
final class BodyStreams {
    /** A chunk size line (size and extensions) or one trailer line. */
    private static final int MAX_CHUNK_LINE = 4096;
    /** All trailer lines together. */
    private static final int MAX_TRAILER = 16 * 1024;
    /** 15 hex digits (2^60 bytes) keep the size a positive long. */
    private static final int MAX_SIZE_DIGITS = 15;

    private BodyStreams() {}

    /** Exactly {@code length} bytes of {@code in}; never reads past them (the next request follows). */
    static InputStream fixed(InputStream in, long length) {
        return new InputStream() {
            private long remaining = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new RequestBodyException(
                            OssError.INCOMPLETE_BODY,
                            "The request body ended " + remaining + " bytes before its Content-Length of " + length
                                    + ".");
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** Decodes {@code Transfer-Encoding: chunked}, consuming the trailer section. */
    static InputStream chunked(InputStream in) {
        return new InputStream() {
            private long chunkLeft;
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (done) {
                    return -1;
                }
                if (len == 0) {
                    return 0;
                }
                if (chunkLeft == 0) {
                    chunkLeft = chunkSize(line(in, MAX_CHUNK_LINE));
                    if (chunkLeft == 0) {
                        trailer(in);
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, chunkLeft));
                if (n < 0) {
                    throw new RequestBodyException(
                            OssError.INCOMPLETE_BODY, "The chunked request body ended inside a chunk.");
                }
                chunkLeft -= n;
                if (chunkLeft == 0 && !line(in, MAX_CHUNK_LINE).isEmpty()) {
                    throw malformed("chunk data is not followed by CRLF");
                }
                return n;
            }
        };
    }

    /** {@code 1*HEXDIG [ BWS ";" chunk-ext ]}: the size, refusing signs, spaces inside and overflow. */
    private static long chunkSize(String line) throws RequestBodyException {
        int end = 0;
        while (end < line.length() && Character.digit(line.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == 0 || end > MAX_SIZE_DIGITS) {
            throw malformed("chunk size '" + printable(line) + "' is not 1 to " + MAX_SIZE_DIGITS + " hex digits");
        }
        String rest = line.substring(end).stripLeading();
        if (!rest.isEmpty() && rest.charAt(0) != ';') {
            throw malformed("chunk size '" + printable(line) + "' is not 1 to " + MAX_SIZE_DIGITS + " hex digits");
        }
        return Long.parseLong(line.substring(0, end), 16);
    }

    private static void trailer(InputStream in) throws IOException {
        int total = 0;
        for (String line = line(in, MAX_CHUNK_LINE); !line.isEmpty(); line = line(in, MAX_CHUNK_LINE)) {
            total += line.length() + 2;
            if (total > MAX_TRAILER) {
                throw malformed("the trailer section is larger than " + MAX_TRAILER + " bytes");
            }
        }
    }

    /** One CRLF-terminated line without its CRLF; a bare CR or LF, or a control character, is malformed framing. */
    private static String line(InputStream in, int max) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new RequestBodyException(
                        OssError.INCOMPLETE_BODY, "The chunked request body ended before its last chunk.");
            }
            if (c == '\r') {
                if (in.read() != '\n') {
                    throw malformed("a CR is not followed by LF");
                }
                return line.toString();
            }
            if (c == '\n') {
                throw malformed("a line ends with a bare LF");
            }
            if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                throw malformed("a control character appears in a chunk line");
            }
            if (line.length() >= max) {
                throw malformed("a chunk line is longer than " + max + " bytes");
            }
            line.append((char) c);
        }
    }

    private static RequestBodyException malformed(String what) {
        return new RequestBodyException(
                OssError.INVALID_ARGUMENT, "The chunked request body is malformed: " + what + ".");
    }

    /** At most 32 characters of a client's line, for an error message. */
    private static String printable(String line) {
        return line.length() <= 32 ? line : line.substring(0, 32) + "...";
    }
}
