package dev.ossops.emulator.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading CRLF-terminated protocol lines, bounded so a client cannot make the server buffer without end. */
final class HttpLines {
    static final int MAX_LINE = 64 * 1024;

    private HttpLines() {
    }

    /** The next line without its CRLF (a bare LF is accepted); EOFException at end of stream. */
    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("header line too long");
            }
            line.append((char) c);
        }
        throw new EOFException("connection closed");
    }

    /** Header values are bytes; OSS clients send UTF-8 in x-oss-meta-* values. */
    static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static byte[] wire(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
