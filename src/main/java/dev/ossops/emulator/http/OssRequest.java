package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.SignableRequest;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An OSS request as the routes see it: method, bucket and key (from the path, or the bucket from
 * a virtual-host {@code Host}), decoded query parameters, lower-cased headers and the body stream.
 */
public final class OssRequest implements SignableRequest {
    private final String method;
    private final String host;
    private final @Nullable String bucket;
    private final @Nullable String key;
    private final boolean virtualHosted;
    private final List<Map.Entry<String, String>> query;
    private final Map<String, String> headers;
    private final InputStream body;

    OssRequest(
            String method,
            String host,
            @Nullable String bucket,
            @Nullable String key,
            boolean virtualHosted,
            List<Map.Entry<String, String>> query,
            Map<String, String> headers,
            InputStream body) {
        this.method = method;
        this.host = host;
        this.bucket = bucket;
        this.key = key;
        this.virtualHosted = virtualHosted;
        this.query = Collections.unmodifiableList(query);
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
    }

    /**
     * Reads the exchange. Path style is {@code /bucket/key}; when the Host is
     * {@code bucket.<one of virtualHostSuffixes>} the whole path is the key.
     */
    static OssRequest from(IncomingRequest incoming, Set<String> virtualHostSuffixes) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : incoming.headers()) {
            headers.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + "," + b);
        }
        String host = headers.getOrDefault("host", "");
        String hostName = host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        String path = decode(incoming.rawPath(), false);
        String bucket = null;
        String rest = path.startsWith("/") ? path.substring(1) : path;
        for (String suffix : virtualHostSuffixes) {
            String lower = hostName.toLowerCase(Locale.ROOT);
            if (lower.endsWith("." + suffix) && lower.length() > suffix.length() + 1) {
                bucket = lower.substring(0, lower.length() - suffix.length() - 1);
                break;
            }
        }
        String key;
        boolean virtualHosted = bucket != null;
        if (virtualHosted) {
            key = rest.isEmpty() ? null : rest;
        } else {
            int slash = rest.indexOf('/');
            bucket = rest.isEmpty() ? null : slash < 0 ? rest : rest.substring(0, slash);
            key = slash < 0 || slash == rest.length() - 1 ? null : rest.substring(slash + 1);
        }
        return new OssRequest(
                incoming.method().toUpperCase(Locale.ROOT),
                host,
                bucket,
                key,
                virtualHosted,
                parseQuery(incoming.rawQuery()),
                headers,
                incoming.body());
    }

    static List<Map.Entry<String, String>> parseQuery(@Nullable String raw) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? null : decode(pair.substring(eq + 1), true);
            result.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        return result;
    }

    /** Percent-decoding as UTF-8; '+' means space only in query strings. */
    static String decode(String raw, boolean plusIsSpace) {
        if (raw == null) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    @Override
    public String method() {
        return method;
    }

    /** The Host header as received. */
    public String host() {
        return host;
    }

    /** The bucket addressed, or null for service-level requests. */
    public @Nullable String bucket() {
        return bucket;
    }

    /**
     * The bucket of a request routed to a bucket or object API, which the route table sends there
     * only when the request names one ({@link RouteTable#resolve}).
     */
    public String requireBucket() {
        if (bucket == null) {
            throw new IllegalStateException("a service-level request names no bucket");
        }
        return bucket;
    }

    /** Whether the bucket came from the Host header ({@code bucket.<suffix>}) rather than the path. */
    public boolean virtualHosted() {
        return virtualHosted;
    }

    /** The object key, or null for bucket-level requests. */
    public @Nullable String key() {
        return key;
    }

    /** The key of a request routed to an object API, which the route table sends there only with one. */
    public String requireKey() {
        if (key == null) {
            throw new IllegalStateException("a bucket-level request names no key");
        }
        return key;
    }

    @Override
    public String resourcePath() {
        if (bucket == null) {
            return "/";
        }
        return "/" + bucket + "/" + (key == null ? "" : key);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public List<Map.Entry<String, String>> query() {
        return query;
    }

    /** A query parameter's value, "" for a parameter without '=', null when absent. */
    public @Nullable String param(String name) {
        return queryParameter(name).orElse(null);
    }

    /**
     * The value of the sub-resource that selected the route (so it is present), "" without '='. The
     * multipart APIs on an object are selected by {@code uploadId} ({@link RouteTable}).
     */
    public String routedBy(String subresource) {
        return queryParameter(subresource)
                .orElseThrow(() -> new IllegalStateException("the route was not selected by ?" + subresource));
    }

    /** A header's value or null. */
    public @Nullable String headerOrNull(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public InputStream body() {
        return body;
    }

    /**
     * The body of an upload (PutObject, UploadPart): OSS needs its length up front, or chunked
     * transfer coding, and refuses more than 5 GiB in one request.
     */
    public InputStream uploadBody() {
        String transfer = headers.get("transfer-encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            return body;
        }
        String length = headers.get("content-length");
        if (length == null) {
            throw new OssException(OssError.MISSING_CONTENT_LENGTH);
        }
        try {
            if (Long.parseLong(length.trim()) > MAX_UPLOAD) {
                throw new OssException(OssError.ENTITY_TOO_LARGE)
                        .with("MaxSizeAllowed", Long.toString(MAX_UPLOAD))
                        .with("ProposedSize", length.trim());
            }
        } catch (NumberFormatException e) {
            throw new OssException(OssError.INVALID_ARGUMENT, "Content-Length is not a number.");
        }
        return body;
    }

    /** OSS's limit for one PutObject or UploadPart request: 5 GiB. */
    static final long MAX_UPLOAD = 5L * 1024 * 1024 * 1024;

    /**
     * Reads a request document (configuration XML or JSON) of at most {@code maxBytes}, a cap from
     * {@link DocumentLimits}; never more than that is read into memory. Services call this only
     * once the request is authorized.
     */
    byte[] document(int maxBytes) {
        try {
            byte[] data = body.readNBytes(maxBytes + 1);
            if (data.length > maxBytes) {
                throw new OssException(OssError.ENTITY_TOO_LARGE).with("MaxSizeAllowed", Integer.toString(maxBytes));
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request body", e);
        }
    }
}
