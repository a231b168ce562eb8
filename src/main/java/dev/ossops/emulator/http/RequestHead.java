package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request line and its header fields as received (names in the client's spelling, values with
 * surrounding whitespace removed), and the message framing they imply.
 */
record RequestHead(String method, String target, String version, List<Map.Entry<String, String>> headers) {
    /** How the body of a request is delimited (RFC 9112 section 6). */
    sealed interface Framing permits NoBody, Fixed, Chunked {}

    record NoBody() implements Framing {}

    record Fixed(long length) implements Framing {}

    record Chunked() implements Framing {}

    /** The first field named {@code name}, compared case-insensitively. */
    @Nullable
    String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** HTTP/1.1 keeps a connection unless the client says {@code Connection: close}; HTTP/1.0 closes it. */
    boolean keepAlive() {
        return version.equals("HTTP/1.1") && values("Connection").stream().noneMatch("close"::equalsIgnoreCase);
    }

    /**
     * The body framing, refusing what RFC 9112 calls unreliable: Transfer-Encoding in an HTTP/1.0
     * request or beside Content-Length (sections 6.1 and 6.3, the request smuggling cases), a coding
     * other than chunked (501, section 6.1: the emulator understands only chunked), chunked twice
     * or not last, and a Content-Length that is not one non-negative decimal number. An HTTP/1.1
     * request needs exactly one Host (section 3.2).
     */
    Framing framing() throws ProtocolError {
        List<String> hosts = fields("Host");
        if (hosts.size() > 1 || (version.equals("HTTP/1.1") && hosts.isEmpty())) {
            throw new ProtocolError(400, "An HTTP/1.1 request needs exactly one Host header.");
        }
        List<String> lengths = values("Content-Length");
        if (!fields("Transfer-Encoding").isEmpty()) {
            if (version.equals("HTTP/1.0")) {
                throw new ProtocolError(400, "Transfer-Encoding is not allowed in an HTTP/1.0 request.");
            }
            if (!fields("Content-Length").isEmpty()) {
                throw new ProtocolError(400, "A request cannot carry both Content-Length and Transfer-Encoding.");
            }
            List<String> codings = values("Transfer-Encoding");
            for (String coding : codings) {
                String name = coding.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!name.equals("chunked")) {
                    throw new ProtocolError(501, "Transfer coding '" + name + "' is not implemented.");
                }
            }
            if (codings.size() != 1) {
                throw new ProtocolError(400, "Transfer-Encoding must name chunked exactly once.");
            }
            return new Chunked();
        }
        if (fields("Content-Length").isEmpty()) {
            return new NoBody();
        }
        long length = -1;
        for (String value : lengths) {
            long parsed = contentLength(value);
            if (length >= 0 && parsed != length) {
                throw new ProtocolError(400, "The request carries conflicting Content-Length values.");
            }
            length = parsed;
        }
        if (length < 0) {
            throw new ProtocolError(400, "Content-Length is not a valid number.");
        }
        return new Fixed(length);
    }

    private static long contentLength(String value) throws ProtocolError {
        if (!value.matches("[0-9]{1,19}")) {
            throw new ProtocolError(400, "Content-Length is not a valid number.");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProtocolError(400, "Content-Length is not a valid number.");
        }
    }

    /** The raw values of every field named {@code name}. */
    private List<String> fields(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        }
        return values;
    }

    /** The comma-separated list elements of every field named {@code name}, empty elements skipped (RFC 9110 5.6.1). */
    private List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (String field : fields(name)) {
            for (String element : field.split(",", -1)) {
                String trimmed = element.trim();
                if (!trimmed.isEmpty()) {
                    values.add(trimmed);
                }
            }
        }
        return values;
    }
}
