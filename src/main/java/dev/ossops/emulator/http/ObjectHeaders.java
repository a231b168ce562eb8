package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.Conditions;
import dev.ossops.emulator.service.ObjectWrite;
import dev.ossops.emulator.service.RestoreStatus;
import dev.ossops.emulator.service.ServerSideEncryption;
import dev.ossops.emulator.store.ObjectVersion;
import org.jspecify.annotations.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Translation between object metadata and HTTP headers, both directions. */
final class ObjectHeaders {
    /** Standard headers OSS stores with an object and returns on reads, canonical spelling. */
    static final List<String> STORED = List.of(
            "Content-Type", "Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires");
    /** response-* query parameters that override a GetObject response header. */
    static final Map<String, String> OVERRIDES = Map.of(
            "response-content-type", "Content-Type",
            "response-content-language", "Content-Language",
            "response-expires", "Expires",
            "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition",
            "response-content-encoding", "Content-Encoding");

    private ObjectHeaders() {}

    /** What the request headers say about the object being written. */
    static ObjectWrite write(OssRequest r) {
        return write(r, true);
    }

    /**
     * What an AppendObject's headers say about the object. OSS's AppendObject reference gives
     * x-oss-server-side-encryption as the algorithm "when OSS creates an object": only position 0
     * can create one, so a later append's encryption headers are neither checked nor kept (the
     * SDK's ObjectEncryptionTest appends with other, even inconsistent, ones and reads back the first).
     */
    static ObjectWrite appendWrite(OssRequest r, long position) {
        return write(r, position == 0);
    }

    private static ObjectWrite write(OssRequest r, boolean withEncryption) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : STORED) {
            String value = r.headerOrNull(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                headers.put(name, value);
            }
        }
        // OSS's default when a writer sends no Content-Type.
        headers.putIfAbsent("Content-Type", "application/octet-stream");
        if (withEncryption) {
            encryption(r).ifPresent(e -> headers.putAll(e.recordIn(Map.of())));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        r.headers().forEach((name, value) -> {
            if (name.startsWith("x-oss-meta-")) {
                meta.put(name.substring("x-oss-meta-".length()), value);
            }
        });
        checkStorable(headers, meta);
        return new ObjectWrite(
                headers,
                meta,
                objectAcl(r),
                r.headerOrNull("x-oss-storage-class"),
                tags(r.headerOrNull("x-oss-tagging")));
    }

    /**
     * {@code x-oss-object-acl}, or null when absent or empty: the official Java SDK sends the
     * header with no value for a null ACL, and OSS ignores it (the SDK's ObjectAclTest puts an
     * object that way and reads back the "default" ACL).
     */
    static @Nullable String objectAcl(OssRequest r) {
        String acl = r.headerOrNull("x-oss-object-acl");
        return acl == null || acl.isBlank() ? null : acl;
    }

    /** The server-side encryption a request asks for, checked; empty when it asks for none. */
    static Optional<ServerSideEncryption> encryption(OssRequest r) {
        return ServerSideEncryption.requested(
                r.headerOrNull(ServerSideEncryption.ALGORITHM),
                r.headerOrNull(ServerSideEncryption.DATA_ENCRYPTION),
                r.headerOrNull(ServerSideEncryption.KEY_ID));
    }

    /** Adds the server-side encryption recorded in {@code stored} headers to an answer, as OSS echoes it on writes. */
    static Reply encryption(Reply reply, Map<String, String> stored) {
        return ServerSideEncryption.of(stored)
                .map(e -> {
                    e.recordIn(Map.of()).forEach(reply::header);
                    return reply;
                })
                .orElse(reply);
    }

    /**
     * Refuses headers and user metadata that every later read would answer with, when a response
     * header could not carry them: a CR or LF would end the header and start one of the writer's
     * choosing (Set-Cookie) for everyone who reads the object. OSS refuses control characters in
     * these fields with 400 (troubleshooting pages 0011-00000005, -08, -09, -10); PutObject, CopyObject,
     * InitiateMultipartUpload and PostObject all store through here.
     */
    static void checkStorable(Map<String, String> headers, Map<String, String> meta) {
        headers.forEach(ObjectHeaders::checkHeaderValue);
        meta.forEach((name, value) -> {
            if (!HeaderValues.isToken(name) || !HeaderValues.isFieldValue(value)) {
                throw new OssException(OssError.INVALID_USER_METADATA)
                        .with("ArgumentName", "x-oss-meta-" + printable(name));
            }
        });
    }

    /** Refuses a value bound for the response header {@code name} that a header cannot carry. */
    static void checkHeaderValue(String name, String value) {
        if (HeaderValues.isFieldValue(value)) {
            return;
        }
        OssError error = switch (name.toLowerCase(Locale.ROOT)) {
            case "content-encoding" -> OssError.INVALID_CONTENT_ENCODING;
            case "cache-control" -> OssError.INVALID_CACHE_CONTROL;
            case "expires" -> OssError.INVALID_EXPIRES_HEADER;
            default -> OssError.INVALID_HEADER_VALUE;
        };
        throw new OssException(error).with("ArgumentName", name);
    }

    /** A client-chosen name for an error message: control characters shown as '?'. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }

    /** x-oss-tagging: a URL-encoded query string of tags. */
    static Map<String, String> tags(@Nullable String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            checkTag(key, value);
            tags.put(key, value);
        }
        checkTagCount(tags);
        return tags;
    }

    /** Tag rules OSS documents: key 1-128 characters, value up to 256, at most 10 tags. */
    static void checkTag(String key, String value) {
        if (key.isEmpty() || key.length() > 128 || value.length() > 256) {
            throw new OssException(OssError.INVALID_TAG);
        }
    }

    static void checkTagCount(Map<String, String> tags) {
        if (tags.size() > 10) {
            throw new OssException(OssError.INVALID_TAG, "Object tags cannot be greater than 10");
        }
    }

    static Conditions conditions(OssRequest r, String prefix) {
        return new Conditions(
                r.headerOrNull(prefix + "if-match"),
                r.headerOrNull(prefix + "if-none-match"),
                Formats.parseHttpDate(r.headerOrNull(prefix + "if-modified-since")),
                Formats.parseHttpDate(r.headerOrNull(prefix + "if-unmodified-since")));
    }

    /**
     * x-oss-restore of an archived object with a restore under way or a restored copy, in the shape
     * OSS's HeadObject reference shows: {@code ongoing-request="true"}, or {@code ongoing-request="false",
     * expiry-date="<GMT date>"}.
     */
    static void restore(Reply reply, @Nullable RestoreStatus restore) {
        reply.header("x-oss-restore", restoreValue(restore));
    }

    /**
     * The text OSS gives a restore's state in x-oss-restore and, the same, in a listing's RestoreInfo
     * element ("How do I check whether an object is restored?"); null when there is no restore to show.
     */
    static @Nullable String restoreValue(@Nullable RestoreStatus restore) {
        if (restore == null) {
            return null;
        }
        return restore.ongoing()
                ? "ongoing-request=\"true\""
                : "ongoing-request=\"false\", expiry-date=\"" + Formats.httpDate(restore.expiresAt()) + "\"";
    }

    /** The headers every read of {@code v} carries. */
    static Reply describe(Reply reply, ObjectVersion v, boolean versioned) {
        for (Map.Entry<String, String> h : v.headers().entrySet()) {
            reply.header(h.getKey(), h.getValue());
        }
        reply.header("ETag", Formats.quoted(v.contentEtag()))
                .header("Last-Modified", Formats.httpDate(v.lastModified()))
                .header("x-oss-object-type", v.type())
                .header("x-oss-storage-class", v.storageClass())
                .header("x-oss-hash-crc64ecma", v.crc64());
        if (ObjectVersion.APPENDABLE.equals(v.type())) {
            // OSS's HeadObject example for an Appendable object names the next position; a sealed one names its seal
            // time.
            if (v.sealedTime() == null) {
                reply.header("x-oss-next-append-position", Long.toString(v.size()));
            } else {
                reply.header("x-oss-sealed-time", Formats.httpDate(v.sealedTime()));
            }
        }
        v.userMeta().forEach((k, value) -> reply.header("x-oss-meta-" + k, value));
        if (!v.tags().isEmpty()) {
            reply.header("x-oss-tagging-count", Integer.toString(v.tags().size()));
        }
        if (versioned) {
            reply.header("x-oss-version-id", v.versionId());
        }
        return reply;
    }
}
