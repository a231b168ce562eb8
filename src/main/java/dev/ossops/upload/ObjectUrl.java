package dev.ossops.upload;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One argument of {@code ossops get}: what it points at and how it must be fetched.
 * <ul>
 *   <li>{@code oss://bucket/key}: an object, fetched with credentials (the key is taken as written);</li>
 *   <li>{@code https://bucket.oss-<region>[-internal].aliyuncs.com/key}: an object on its
 *       virtual-hosted OSS endpoint, fetched with credentials (the key is percent-decoded);</li>
 *   <li>any http(s) URL whose query is signed ({@code Signature}, {@code x-oss-signature}): a
 *       presigned URL, fetched as is, without credentials; bucket and key are known when the host
 *       is an OSS endpoint;</li>
 *   <li>any other http(s) URL: a public file, fetched as is (the Dify plugin's public download).</li>
 * </ul>
 * {@link #toString()} never shows the query.
 */
public record ObjectUrl(
        Kind kind, String url, Optional<String> bucket, Optional<String> key, Optional<String> endpoint) {
    private static final Pattern OSS_HOST =
            Pattern.compile("([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\\.(oss(?:-[a-z0-9-]+)?\\.aliyuncs\\.com)");
    private static final Set<String> SIGNATURE_PARAMETERS = Set.of("signature", "x-oss-signature");

    /** How the object is fetched. */
    public enum Kind {
        OSS_URI,
        OSS_ENDPOINT,
        PRESIGNED,
        PUBLIC
    }

    /** Whether fetching needs the configured credentials. */
    public boolean needsCredentials() {
        return kind == Kind.OSS_URI || kind == Kind.OSS_ENDPOINT;
    }

    /**
     * The local file name for the download: the last segment of the key or decoded path, {@code download} for a URL
     * without one. A segment that cannot be a file name on every platform ({@link LocalNames}: {@code a\..\x},
     * {@code C:x}, {@code ..}, control characters) is refused with an error naming the URL, never altered.
     */
    public String fileName() {
        String path = key.orElseGet(() -> decode(URI.create(url).getRawPath()));
        String last = path.substring(path.lastIndexOf('/') + 1);
        String shown = LocalNames.printable(Masking.displayUrl(url));
        if (last.isEmpty() && key.isEmpty()) {
            return "download";
        }
        if (last.isEmpty()) {
            throw new UploadException(
                    shown + ": the key ends in '/' (a folder marker), so it names no file; nothing was written");
        }
        LocalNames.problem(last).ifPresent(problem -> {
            throw new UploadException(shown + ": refusing to save it as '" + LocalNames.printable(last) + "': "
                    + problem + "; nothing was written");
        });
        return last;
    }

    /** Parses a semicolon-separated list as the Dify batch tool takes it; blanks between separators are skipped. */
    public static List<ObjectUrl> parseAll(String urls) {
        List<ObjectUrl> out = new ArrayList<>();
        for (String part : urls.split(";", -1)) {
            if (!part.isBlank()) {
                out.add(parse(part.strip()));
            }
        }
        if (out.isEmpty()) {
            throw new UploadException("no URL given");
        }
        return List.copyOf(out);
    }

    public static ObjectUrl parse(String text) {
        String shown = Masking.displayUrl(text);
        if (text.regionMatches(true, 0, "oss://", 0, 6)) {
            return ossUri(text, shown);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UploadException("not a URL: " + shown + " (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                return http(text, uri, shown);
            }
            default ->
                throw new UploadException(
                        scheme.isEmpty()
                                ? "not a URL: " + shown + " (expected oss://bucket/key or an http(s) URL)"
                                : "unsupported URL scheme '" + scheme + "' in " + shown
                                        + " (expected oss, http or https)");
        }
    }

    private static ObjectUrl ossUri(String text, String shown) {
        // Taken apart by hand: keys in oss:// URLs are written raw, and may hold characters URI rejects or decodes.
        String rest = text.substring("oss://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new UploadException("oss:// URL has no bucket: " + shown);
        }
        UploaderSettings.checkBucket(bucket);
        if (key.isEmpty()) {
            throw new UploadException("oss:// URL has no object key: " + shown);
        }
        return new ObjectUrl(
                Kind.OSS_URI, text, Optional.of(bucket), Optional.of(ObjectKeys.validate(key)), Optional.empty());
    }

    private static ObjectUrl http(String text, URI uri, String shown) {
        if (uri.getHost() == null) {
            throw new UploadException("URL has no host: " + shown);
        }
        boolean signed = isSigned(uri.getRawQuery());
        Matcher host = OSS_HOST.matcher(uri.getHost().toLowerCase(Locale.ROOT));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (host.matches() && path.length() > 1) {
            String key = decode(path.substring(1));
            return new ObjectUrl(
                    signed ? Kind.PRESIGNED : Kind.OSS_ENDPOINT,
                    text,
                    Optional.of(host.group(1)),
                    Optional.of(ObjectKeys.validate(key)),
                    Optional.of(host.group(2)));
        }
        if (host.matches() && !signed) {
            throw new UploadException("OSS URL has no object key: " + shown);
        }
        return new ObjectUrl(
                signed ? Kind.PRESIGNED : Kind.PUBLIC, text, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static boolean isSigned(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&", -1)) {
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (SIGNATURE_PARAMETERS.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decoding of a path: unlike form decoding, {@code +} stays a plus. */
    private static String decode(String raw) {
        if (raw == null) {
            return "";
        }
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    @Override
    public String toString() {
        return "ObjectUrl[" + kind + " " + Masking.displayUrl(url) + "]";
    }
}
