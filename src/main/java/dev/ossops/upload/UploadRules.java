package dev.ossops.upload;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The profile's {@code allowedContentTypes} and {@code maxSizeBytes}, checked for each file
 * before any byte is sent. An empty allow-list allows every type. Entries are {@code type/subtype}
 * or {@code type/*}, compared ignoring case as media types are.
 */
public final class UploadRules {
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/([a-z0-9][a-z0-9!#$&^_.+-]*|\\*)");

    private final List<String> allowed;
    private final OptionalLong maxSizeBytes;

    public UploadRules(List<String> allowedContentTypes, OptionalLong maxSizeBytes) {
        this.allowed = allowedContentTypes.stream()
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < allowed.size(); i++) {
            if (!MEDIA_TYPE.matcher(allowed.get(i)).matches()) {
                throw new UploadException("allowedContentTypes[" + i + "]: '" + allowedContentTypes.get(i)
                        + "' is not a media type such as image/png or image/*");
            }
        }
        if (maxSizeBytes.isPresent() && maxSizeBytes.getAsLong() <= 0) {
            throw new UploadException("maxSizeBytes must be positive, got " + maxSizeBytes.getAsLong());
        }
        this.maxSizeBytes = maxSizeBytes;
    }

    /** The rules of an uploader configuration. */
    public static UploadRules of(UploaderSettings settings) {
        return new UploadRules(settings.allowedContentTypes(), settings.maxSizeBytes());
    }

    /** Whether {@code contentType} (parameters such as {@code ; charset=} ignored) is allowed. */
    public boolean allows(String contentType) {
        if (allowed.isEmpty()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (String entry : allowed) {
            if (entry.endsWith("/*") ? type.startsWith(entry.substring(0, entry.length() - 1)) : type.equals(entry)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(long bytes) {
        String readable = ByteSize.format(bytes);
        return readable.endsWith(" bytes") ? readable : bytes + " bytes (" + readable + ")";
    }

    /** Throws with the reason when the file {@code name} of {@code size} bytes and {@code contentType} may not be uploaded. */
    public void check(String name, String contentType, long size) {
        if (!allows(contentType)) {
            throw new UploadException(name + ": content type " + contentType + " is not allowed (allowedContentTypes: "
                    + String.join(", ", allowed) + ")");
        }
        if (maxSizeBytes.isPresent() && size > maxSizeBytes.getAsLong()) {
            throw new UploadException(
                    name + ": " + describe(size) + " exceeds maxSizeBytes " + describe(maxSizeBytes.getAsLong()));
        }
    }
}
