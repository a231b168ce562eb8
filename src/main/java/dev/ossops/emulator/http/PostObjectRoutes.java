package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.ObjectWrite;
import dev.ossops.emulator.service.PostObjectService;
import dev.ossops.emulator.service.ServerSideEncryption;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.emulator.xml.XmlWriter;
import org.jspecify.annotations.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PostObject: {@code POST /<bucket>} with a multipart/form-data body. Fields are read until the
 * {@code file} field, whose content is streamed to the service; fields after it are ignored, as OSS
 * ignores them.
 */
public final class PostObjectRoutes {
    /** Largest single form field (the policy is the large one). */
    private static final int MAX_FIELD = 64 * 1024;
    /** Largest total of all fields before the file. */
    private static final int MAX_FIELDS_TOTAL = 1024 * 1024;

    private final PostObjectService post;

    public PostObjectRoutes(PostObjectService post) {
        this.post = post;
    }

    static boolean isForm(OssRequest r) {
        String type = r.headerOrNull("content-type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    Reply post(OssRequest r) {
        MultipartFormReader form = MultipartFormReader.of(r.headerOrNull("content-type"), r.body())
                .orElseThrow(() ->
                        new OssException(OssError.INVALID_ARGUMENT, "PostObject needs a multipart/form-data body."));
        Map<String, String> fields = new LinkedHashMap<>();
        int total = 0;
        for (Optional<MultipartFormReader.Part> next = form.next(); next.isPresent(); next = form.next()) {
            MultipartFormReader.Part part = next.get();
            String name = part.name().toLowerCase(Locale.ROOT);
            if (name.equals("file")) {
                String redirect = fields.get("success_action_redirect");
                if (redirect != null) {
                    // It becomes the 303's Location: refused before anything is stored.
                    ObjectHeaders.checkHeaderValue("success_action_redirect", redirect);
                }
                PostObjectService.Posted posted = post.post(
                        r.requireBucket(), fields, part.filename(), write(fields, part.contentType()), part.content());
                return answer(r, fields, posted);
            }
            String value = part.text(MAX_FIELD);
            total += value.length();
            if (total > MAX_FIELDS_TOTAL) {
                throw new OssException(OssError.INVALID_ARGUMENT, "The form fields are too large.");
            }
            fields.put(name, value);
        }
        throw new OssException(OssError.INVALID_ARGUMENT, "Bucket POST must contain a field named 'file'.");
    }

    private static ObjectWrite write(Map<String, String> fields, @Nullable String fileContentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : ObjectHeaders.STORED) {
            String value = fields.get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                headers.put(name, value);
            }
        }
        // PostObject reference: an x-oss-content-type field takes precedence over the type the browser puts on the file
        // part; then the Content-Type field; then the file part's type; then OSS's default.
        String explicit = fields.get("x-oss-content-type");
        if (explicit != null) {
            headers.put("Content-Type", explicit);
        }
        if (fileContentType != null) {
            headers.putIfAbsent("Content-Type", fileContentType);
        }
        headers.putIfAbsent("Content-Type", "application/octet-stream");
        // The encryption form fields are the PutObject headers' (the official SDK's CMKIDTest posts them).
        ServerSideEncryption.requested(
                        fields.get(ServerSideEncryption.ALGORITHM),
                        fields.get(ServerSideEncryption.DATA_ENCRYPTION),
                        fields.get(ServerSideEncryption.KEY_ID))
                .ifPresent(e -> headers.putAll(e.recordIn(Map.of())));
        Map<String, String> meta = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("x-oss-meta-")) {
                meta.put(name.substring("x-oss-meta-".length()), value);
            }
        });
        ObjectHeaders.checkStorable(headers, meta);
        return new ObjectWrite(
                headers,
                meta,
                fields.get("x-oss-object-acl"),
                fields.get("x-oss-storage-class"),
                ObjectHeaders.tags(fields.get("x-oss-tagging")));
    }

    /** success_action_redirect (303), else success_action_status 200, 201 (PostResponse XML) or 204 (the default). */
    private static Reply answer(OssRequest r, Map<String, String> fields, PostObjectService.Posted posted) {
        ObjectVersion v = posted.written().version();
        String storedKey = posted.key();
        String redirect = fields.get("success_action_redirect");
        Reply reply;
        if (redirect != null && !redirect.isEmpty()) {
            String location = redirect + (redirect.contains("?") ? "&" : "?") + "bucket=" + encode(r.requireBucket())
                    + "&key=" + encode(storedKey) + "&etag=" + encode(Formats.quoted(v.contentEtag()));
            reply = Reply.empty(303).header("Location", location);
        } else {
            String status = fields.getOrDefault("success_action_status", "204");
            reply = switch (status) {
                case "200" -> Reply.empty(200);
                case "201" ->
                    Reply.xml(
                            201,
                            new XmlWriter()
                                    .start("PostResponse")
                                    .element("Bucket", r.requireBucket())
                                    .element("Location", location(r, storedKey))
                                    .element("Key", storedKey)
                                    .element("ETag", Formats.quoted(v.contentEtag()))
                                    .end()
                                    .toXml());
                default -> Reply.empty(204);
            };
        }
        return ObjectHeaders.encryption(reply, v.headers())
                .header("ETag", Formats.quoted(v.contentEtag()))
                .header("x-oss-hash-crc64ecma", v.crc64())
                .header("x-oss-version-id", posted.written().versioned() ? v.versionId() : null);
    }

    private static String location(OssRequest r, String key) {
        String host = r.host();
        boolean virtualHost = host.toLowerCase(Locale.ROOT).startsWith(r.requireBucket() + ".");
        return "http://" + host + "/" + (virtualHost ? "" : r.requireBucket() + "/") + key;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
