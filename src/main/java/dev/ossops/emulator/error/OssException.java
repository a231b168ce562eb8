package dev.ossops.emulator.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OSS error answer: a catalogue entry, the message for this occurrence and extra elements
 * that OSS adds to the {@code <Error>} body for some codes (for example {@code StringToSign},
 * {@code BucketName}, {@code Key}), in the order they are rendered, plus response headers some
 * errors carry (a 404 for a deleted object says {@code x-oss-delete-marker: true}).
 */
public final class OssException extends RuntimeException {
    private final OssError error;
    private final Map<String, String> details;
    private final Map<String, String> headers;

    public OssException(OssError error) {
        this(error, error.defaultMessage());
    }

    public OssException(OssError error, String message) {
        this(error, message, Map.of());
    }

    public OssException(OssError error, String message, Map<String, String> details) {
        this(error, message, details, Map.of());
    }

    private OssException(OssError error, String message, Map<String, String> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.error = error;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public OssError error() {
        return error;
    }

    /** Extra {@code <Error>} child elements, in order. */
    public Map<String, String> details() {
        return details;
    }

    /** Response headers this error answer carries besides the usual ones, in order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Returns a copy with one more detail element. */
    public OssException with(String element, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(element, value);
        return new OssException(error, getMessage(), more, headers);
    }

    /** Returns a copy with one more response header. */
    public OssException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OssException(error, getMessage(), details, more);
    }
}
