package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as read off the wire: method, raw (still percent-encoded) path and query,
 * headers in the order and spelling received, and the body as a stream of exactly its bytes.
 */
public record IncomingRequest(
        String method,
        String rawPath,
        @Nullable String rawQuery,
        List<Map.Entry<String, String>> headers,
        InputStream body) {
    /** The first header named {@code name}, compared case-insensitively. */
    public @Nullable String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
