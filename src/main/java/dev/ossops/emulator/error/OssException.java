package dev.ossops.emulator.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OSS error answer: a catalogue entry, the message for this occurrence and extra elements
 * that OSS adds to the {@code <Error>} body for some codes (for example {@code StringToSign},
 * {@code BucketName}, {@code Key}), in the order they are rendered.
 */
public final class OssException extends RuntimeException {
    private final OssError error;
    private final Map<String, String> details;

    public OssException(OssError error) {
        this(error, error.defaultMessage());
    }

    public OssException(OssError error, String message) {
        this(error, message, Map.of());
    }

    public OssException(OssError error, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.error = error;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public OssError error() {
        return error;
    }

    /** Extra {@code <Error>} child elements, in order. */
    public Map<String, String> details() {
        return details;
    }

    /** Returns a copy with one more detail element. */
    public OssException with(String element, String value) {
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(element, value);
        return new OssException(error, getMessage(), more);
    }
}
