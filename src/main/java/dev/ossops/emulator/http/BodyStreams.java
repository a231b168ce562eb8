package dev.ossops.emulator.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Request body framing of HTTP/1.1: a fixed Content-Length, or chunked transfer coding. */
final class BodyStreams {
    private BodyStreams() {
    }

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
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("request body ended " + remaining + " bytes early");
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** Decodes {@code Transfer-Encoding: chunked}, consuming the trailer. */
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
                if (chunkLeft == 0) {
                    String sizeLine = HttpLines.readLine(in);
                    int semicolon = sizeLine.indexOf(';');
                    String size = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
                    try {
                        chunkLeft = Long.parseLong(size, 16);
                    } catch (NumberFormatException e) {
                        throw new IOException("bad chunk size '" + size + "'", e);
                    }
                    if (chunkLeft == 0) {
                        while (!HttpLines.readLine(in).isEmpty()) {
                            // trailer fields are not used by OSS clients
                        }
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, chunkLeft));
                if (n < 0) {
                    throw new EOFException("chunked body ended early");
                }
                chunkLeft -= n;
                if (chunkLeft == 0) {
                    HttpLines.readLine(in);
                }
                return n;
            }
        };
    }
}
