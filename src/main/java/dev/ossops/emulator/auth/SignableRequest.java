package dev.ossops.emulator.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What signature verification needs to know about a request, independent of the HTTP server. */
public interface SignableRequest {
    String method();

    /**
     * The resource the SDKs sign: {@code /bucket/key}, {@code /bucket/} for bucket operations and
     * {@code /} for the service, with the key decoded (not URL-encoded).
     */
    String resourcePath();

    /** Request headers, names lower-cased, repeated headers joined with commas. */
    Map<String, String> headers();

    default Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers().get(lowerCaseName));
    }

    /** Decoded query parameters in request order; the value is null for {@code ?acl} (no '='). */
    List<Map.Entry<String, String>> query();

    default Optional<String> queryParameter(String name) {
        for (Map.Entry<String, String> e : query()) {
            if (e.getKey().equals(name)) {
                return Optional.of(e.getValue() == null ? "" : e.getValue());
            }
        }
        return Optional.empty();
    }

    default boolean hasQueryParameter(String name) {
        return query().stream().anyMatch(e -> e.getKey().equals(name));
    }
}
