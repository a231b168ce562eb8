package dev.ossops.serve;

import dev.ossops.upload.ContentTypes;
import dev.ossops.upload.ObjectKeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a principal's uploads go: {@code <keyPrefix>/<principal>/<yyyy>/<MM>/<dd>/<16 hex><.ext>} (seed 003's layout,
 * with the principal from the API key instead of a {@code user_id} from the request). The caller's file name gives
 * only the extension, and only when it names the same content type, so no part of a hostile name reaches the key.
 */
public final class UploadKeys {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    private final String keyPrefix;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @param keyPrefix the profile's {@code serve.keyPrefix}; slashes around it are dropped */
    public UploadKeys(String keyPrefix, Clock clock) {
        String p = keyPrefix.replaceAll("^/+", "").replaceAll("/+$", "");
        this.keyPrefix = p.isEmpty() ? "" : p + "/";
        this.clock = clock;
    }

    /** {@code <keyPrefix>/<principal>/}: the principal writes here and nowhere else. */
    public String prefixOf(String principal) {
        return keyPrefix + principal + "/";
    }

    /** A new key for a file of {@code contentType}, unique with overwhelming probability (64 random bits per day). */
    public String newKey(String principal, String filename, String contentType) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return ObjectKeys.validate(prefixOf(principal) + DAY.format(clock.instant()) + "/"
                + HexFormat.of().formatHex(id) + extension(filename, contentType));
    }

    /** {@code .png} for {@code photo.PNG} uploaded as image/png; nothing when the name's extension says another type. */
    static String extension(String filename, String contentType) {
        int dot = filename.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String ext = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(ext).matches() && ContentTypes.of("f." + ext).equals(contentType) ? "." + ext : "";
    }

    /** Refuses (403) a key outside the principal's prefix. */
    public void requireOwned(String key, String principal) {
        String prefix = prefixOf(principal);
        if (!key.startsWith(prefix) || key.length() == prefix.length()) {
            throw ServeException.forbidden(
                    "object_key must be under " + prefix + ": the API key decides where its uploads are");
        }
    }
}
