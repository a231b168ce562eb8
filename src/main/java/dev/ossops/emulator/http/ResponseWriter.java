package dev.ossops.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes response heads with header names exactly as given (the reason this server exists: the
 * OSS SDKs match {@code x-oss-meta-} case-sensitively). A field whose name is not a token or
 * whose value holds a CR, LF or other control character is never written: the whole reply is
 * replaced by a 500, so a value that slipped past the input checks cannot inject a header.
 */
final class ResponseWriter {
    private static final System.Logger LOG = System.getLogger(ResponseWriter.class.getName());

    private ResponseWriter() {}

    /** Writes {@code reply} to a {@code method} request; returns whether the connection may stay open. */
    static boolean write(OutputStream out, String method, Reply reply, boolean keepAlive) throws IOException {
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            if (!HeaderValues.isToken(h.getKey()) || !HeaderValues.isFieldValue(h.getValue())) {
                // The name only: the value is what must not travel.
                LOG.log(
                        System.Logger.Level.WARNING,
                        "response header '" + printableName(h.getKey())
                                + "' carries a character a header cannot; answering 500 instead");
                out.write(plain(500, "The response carried a header value the server refuses to write."));
                out.flush();
                return false;
            }
        }
        boolean head = method.equals("HEAD");
        boolean noBody = reply.status() == 204 || reply.status() == 304;
        List<Map.Entry<String, String>> headers =
                new ArrayList<>(reply.headers().entrySet());
        if (!noBody) {
            // HEAD answers the length GET would send.
            headers.add(Map.entry("Content-Length", Long.toString(reply.length())));
        }
        headers.add(Map.entry("Connection", keepAlive ? "keep-alive" : "close"));
        out.write(head(reply.status(), headers));
        if (!head && !noBody && reply.hasBody()) {
            try {
                reply.writeBody(out);
            } catch (ConnectionReset e) {
                // The client is to see the head and the bytes before the cut, then the reset.
                out.flush();
                throw e;
            }
        }
        out.flush();
        return keepAlive;
    }

    /** A complete plain-text answer that closes the connection, for requests refused on the wire. */
    static byte[] plain(int status, String reason) {
        byte[] body = HeaderValues.wire(reason + "\n");
        byte[] head = head(
                status,
                List.of(
                        Map.entry("Content-Type", "text/plain; charset=utf-8"),
                        Map.entry("Content-Length", Integer.toString(body.length)),
                        Map.entry("Connection", "close")));
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    static byte[] head(int status, List<Map.Entry<String, String>> headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(Reasons.of(status))
                .append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("\r\n");
        return HeaderValues.wire(head.toString());
    }

    private static String printableName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 64; i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    /** Reason phrases of the statuses OSS and this server answer with. */
    private static final class Reasons {
        private static final Map<Integer, String> PHRASES = Map.ofEntries(
                Map.entry(100, "Continue"),
                Map.entry(200, "OK"),
                Map.entry(201, "Created"),
                Map.entry(204, "No Content"),
                Map.entry(206, "Partial Content"),
                Map.entry(303, "See Other"),
                Map.entry(304, "Not Modified"),
                Map.entry(400, "Bad Request"),
                Map.entry(403, "Forbidden"),
                Map.entry(404, "Not Found"),
                Map.entry(405, "Method Not Allowed"),
                Map.entry(408, "Request Timeout"),
                Map.entry(409, "Conflict"),
                Map.entry(411, "Length Required"),
                Map.entry(412, "Precondition Failed"),
                Map.entry(414, "URI Too Long"),
                Map.entry(416, "Requested Range Not Satisfiable"),
                Map.entry(429, "Too Many Requests"),
                Map.entry(431, "Request Header Fields Too Large"),
                Map.entry(500, "Internal Server Error"),
                Map.entry(501, "Not Implemented"),
                Map.entry(503, "Service Unavailable"),
                Map.entry(505, "HTTP Version Not Supported"));

        static String of(int status) {
            return PHRASES.getOrDefault(status, "Status");
        }
    }
}
