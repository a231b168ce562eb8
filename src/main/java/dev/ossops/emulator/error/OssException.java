package dev.ossops.emulator.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OSS error answer: a catalogue entry, the message for this occurrence and extra elements
 * that OSS adds to the {@code <Error>} body for some codes (for example {@code StringToSign},
 * {@code BucketName}, {@code Key}), in the order they are rendered, containers of elements
 * rendered before them (AccessDenied's {@code <AccessDeniedDetail>}), plus response headers some
 * errors carry (a 404 for a deleted object says {@code x-oss-delete-marker: true}).
 */
public final class OssException extends RuntimeException {
    private final OssError error;
    private final Map<String, String> details;
    private final Map<String, Map<String, String>> containers;
    private final Map<String, String> headers;
    private final String message;

    public OssException(OssError error) {
        this(error, error.defaultMessage());
    }

    public OssException(OssError error, String message) {
        this(error, message, Map.of());
    }

    public OssException(OssError error, String message, Map<String, String> details) {
        this(error, message, details, Map.of(), Map.of());
    }

    private OssException(
            OssError error,
            String message,
            Map<String, String> details,
            Map<String, Map<String, String>> containers,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.message = message;
        this.error = error;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Map<String, Map<String, String>> copied = new LinkedHashMap<>();
        containers.forEach(
                (name, children) -> copied.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(children))));
        this.containers = Collections.unmodifiableMap(copied);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The message of this occurrence, never null (Throwable's own may be). */
    @Override
    public String getMessage() {
        return message;
    }

    public OssError error() {
        return error;
    }

    /** Extra {@code <Error>} child elements, in order. */
    public Map<String, String> details() {
        return details;
    }

    /** {@code <Error>} children that hold elements of their own, in order, each with its children in order. */
    public Map<String, Map<String, String>> containers() {
        return containers;
    }

    /** Response headers this error answer carries besides the usual ones, in order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns a copy with one more detail element. */
    public OssException with(String element, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(element, value);
        return new OssException(error, getMessage(), more, containers, headers);
    }

    /** Returns a copy with one more container element holding {@code children}. */
    public OssException withContainer(String element, Map<String, String> children) {
        Map<String, Map<String, String>> more = new LinkedHashMap<>(containers);
        more.put(element, children);
        return new OssException(error, getMessage(), details, more, headers);
    }

    /** Returns a copy with one more response header. */
    public OssException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OssException(error, getMessage(), details, containers, more);
    }
}
