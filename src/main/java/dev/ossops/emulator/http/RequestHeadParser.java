package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a request head (request line and header fields) from bytes as they arrive, so a server
 * can feed it whatever one non-blocking read returned. It refuses, with the status RFC 9110/9112
 * give, everything that would let a request be read two ways: lines not ended by CRLF (a bare LF
 * or CR, 400), obs-fold (400), whitespace between a field name and its colon (400), control
 * characters in a field value (400), a request line over {@link HttpLimits#maxRequestLine()} (414)
 * and a header section over {@link HttpLimits#maxHeaderBytes()} or
 * {@link HttpLimits#maxHeaderFields()} (431). Only the current line is buffered, never more than
 * the limits allow.
 */
final class RequestHeadParser {
    /** RFC 9112 2.2: empty lines before a request line are skipped; this many, not unboundedly. */
    private static final int MAX_LEADING_EMPTY_LINES = 8;

    private final HttpLimits limits;
    private final StringBuilder line = new StringBuilder();
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();
    private boolean started;
    private boolean carriageReturn;
    private int emptyLines;
    private int headerBytes;
    private @Nullable String requestLine;
    private @Nullable RequestHead head;

    RequestHeadParser(HttpLimits limits) {
        this.limits = limits;
    }

    /** Whether any byte of a request has arrived (empty lines before the request line included). */
    boolean started() {
        return started;
    }

    /** The head, once {@link #feed} returned a position. */
    RequestHead head() {
        if (head == null) {
            throw new IllegalStateException("the head is not complete");
        }
        return head;
    }

    /**
     * Consumes {@code bytes[offset, offset + length)} up to the end of the head.
     *
     * @return how many bytes the head took from this range once it is complete (the rest belong to
     *         the body or the next request), or -1 when it needs more
     */
    int feed(byte[] bytes, int offset, int length) throws ProtocolError {
        if (head != null) {
            throw new IllegalStateException("the head is complete");
        }
        for (int i = 0; i < length; i++) {
            started = true;
            int b = bytes[offset + i] & 0xff;
            if (carriageReturn) {
                if (b != '\n') {
                    throw new ProtocolError(400, "A CR in the request head is not followed by LF.");
                }
                carriageReturn = false;
                if (endOfLine()) {
                    return i + 1;
                }
            } else if (b == '\r') {
                carriageReturn = true;
            } else if (b == '\n') {
                throw new ProtocolError(400, "A line of the request head ends with a bare LF instead of CRLF.");
            } else {
                line.append((char) b);
                checkSize();
            }
        }
        return -1;
    }

    private void checkSize() throws ProtocolError {
        if (requestLine == null) {
            if (line.length() > limits.maxRequestLine()) {
                throw new ProtocolError(414, "The request line is longer than " + limits.maxRequestLine() + " bytes.");
            }
        } else if (headerBytes + line.length() > limits.maxHeaderBytes()) {
            throw new ProtocolError(
                    431, "The request header fields are larger than " + limits.maxHeaderBytes() + " bytes.");
        }
    }

    /** Handles one complete line; true when it ended the head. */
    private boolean endOfLine() throws ProtocolError {
        String text = line.toString();
        line.setLength(0);
        if (requestLine == null) {
            if (text.isEmpty()) {
                if (++emptyLines > MAX_LEADING_EMPTY_LINES) {
                    throw new ProtocolError(400, "Too many empty lines before the request line.");
                }
                return false;
            }
            requestLine = text;
            return false;
        }
        if (text.isEmpty()) {
            head = requestHead(requestLine, fields);
            return true;
        }
        headerBytes += text.length() + 2;
        if (fields.size() >= limits.maxHeaderFields()) {
            throw new ProtocolError(431, "The request has more than " + limits.maxHeaderFields() + " header fields.");
        }
        fields.add(field(text));
        return false;
    }

    private static RequestHead requestHead(String line, List<Map.Entry<String, String>> fields) throws ProtocolError {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || !HeaderValues.isToken(parts[0]) || parts[1].isEmpty() || hasControlOrSpace(parts[1])) {
            throw new ProtocolError(400, "The request line is malformed.");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            if (version.matches("HTTP/[0-9]\\.[0-9]")) {
                throw new ProtocolError(505, "HTTP version " + version.substring(5) + " is not supported.");
            }
            throw new ProtocolError(400, "The request line is malformed.");
        }
        return new RequestHead(parts[0], parts[1], version, List.copyOf(fields));
    }

    private static Map.Entry<String, String> field(String line) throws ProtocolError {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            throw new ProtocolError(400, "Folded header lines (obs-fold) are not accepted.");
        }
        int colon = line.indexOf(':');
        if (colon <= 0 || !HeaderValues.isToken(line.substring(0, colon))) {
            throw new ProtocolError(400, "A header field name is malformed.");
        }
        String value = trimWhitespace(line.substring(colon + 1));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                throw new ProtocolError(
                        400, "The value of header " + line.substring(0, colon) + " contains a control character.");
            }
        }
        return new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon), HeaderValues.utf8(value));
    }

    /** RFC 9110 5.5: leading and trailing SP and HTAB are not part of a field value. */
    private static String trimWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean hasControlOrSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
