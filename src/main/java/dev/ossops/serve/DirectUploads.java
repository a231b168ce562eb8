package dev.ossops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.upload.ObjectKeys;
import dev.ossops.upload.PostPolicy;
import dev.ossops.upload.UploadException;
import dev.ossops.upload.UploadRules;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints that hand a browser the right to upload one object with the service's own signature: a presigned PUT
 * ({@code /api/upload/presign}) or a PostObject form ({@code /api/upload/policy}); and the image URL of seed 003
 * ({@code /api/image/<key>}). Each checks the type and size against the profile before it signs anything.
 */
public final class DirectUploads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServeSettings settings;
    private final UploadRules rules;
    private final UploadKeys keys;
    private final Storage storage;
    private final Clock clock;

    public DirectUploads(ServeSettings settings, UploadKeys keys, Storage storage, Clock clock) {
        this.settings = settings;
        this.rules = settings.rules();
        this.keys = keys;
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * {@code {content_type, filename?, size?}} -> {@code {upload_url, method, headers, object_key, cdn_url?, expires_in}}.
     * The URL signs the content type and {@code x-oss-forbid-overwrite: true} (OSS then refuses another type and an
     * existing key), so it can create that one object only. A presigned PUT cannot cap the size: {@code size} is checked
     * when announced, and the PostObject form enforces the limit at OSS.
     */
    public ObjectNode presign(String principal, JsonBody body) {
        Requests.requireCaller(body, principal);
        String contentType = Requests.contentType(body.requiredText("content_type", 255));
        String filename = body.text("filename", Requests.MAX_NAME_LENGTH).orElse("unnamed");
        Optional<Long> size = body.size("size");
        Requests.check(rules, "filename " + ImageUrls.printable(filename), contentType, size.orElse(0L));
        String key = keys.newKey(principal, filename, contentType);
        Instant expiration = clock.instant().plus(settings.presignExpires());
        ObjectNode out = JSON.createObjectNode();
        out.put("upload_url", storage.presignPut(key, contentType, expiration).toString());
        out.put("method", "PUT");
        ObjectNode headers = out.putObject("headers");
        headers.put("Content-Type", contentType);
        headers.put("x-oss-forbid-overwrite", "true");
        out.put("object_key", key);
        Requests.cdnUrl(settings.cdnDomain(), key, Optional.empty()).ifPresent(url -> out.put("cdn_url", url));
        out.put("expires_in", settings.presignExpires().toSeconds());
        return out;
    }

    /**
     * {@code {content_type, filename?, size?}} -> {@code {url, method, fields, object_key, expires_in}}: a V4-signed
     * PostObject policy that pins the key, the content type and the object ACL ({@code private}) exactly, keeps the key
     * under the principal's prefix and caps the size at the announced size or the profile's limit.
     */
    public ObjectNode postPolicy(String principal, JsonBody body) {
        Requests.requireCaller(body, principal);
        String contentType = Requests.contentType(body.requiredText("content_type", 255));
        String filename = body.text("filename", Requests.MAX_NAME_LENGTH).orElse("unnamed");
        Optional<Long> size = body.size("size");
        Requests.check(rules, "filename " + ImageUrls.printable(filename), contentType, size.orElse(0L));
        long max = size.filter(s -> s > 0).orElse(settings.maxSizeBytes().orElse(PostPolicy.MAX_SIZE));
        String key = keys.newKey(principal, filename, contentType);
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("key", key);
        pinned.put("Content-Type", contentType);
        // OSS ranks x-oss-content-type above the Content-Type field and the file part's type: pinning it is what fixes
        // the type.
        pinned.put("x-oss-content-type", contentType);
        PostPolicy.PostForm form;
        try {
            form = storage.postForm(
                    new PostPolicy.Request(
                            settings.bucket(),
                            settings.region(),
                            keys.prefixOf(principal),
                            Math.min(max, PostPolicy.MAX_SIZE),
                            settings.presignExpires(),
                            true,
                            PostPolicy.Version.V4,
                            PostPolicy.DEFAULT_OBJECT_ACL,
                            List.of()),
                    pinned);
        } catch (UploadException e) {
            throw ServeException.badRequest(String.valueOf(e.getMessage()));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("url", storage.bucketUrl().toString());
        out.put("method", "POST");
        ObjectNode fields = out.putObject("fields");
        form.fields().forEach(fields::put);
        out.put("object_key", key);
        Requests.cdnUrl(settings.cdnDomain(), key, Optional.empty()).ifPresent(url -> out.put("cdn_url", url));
        out.put("expires_in", settings.presignExpires().toSeconds());
        return out;
    }

    /**
     * {@code GET /api/image/<key>?w=&h=&format=&q=} -> {@code {url}}: the CDN URL with the processing chain, or without
     * a CDN domain a signed GET whose signature covers the chain. Only the caller's own objects.
     */
    public ObjectNode imageUrl(String principal, String key, Map<String, List<String>> query) {
        try {
            ObjectKeys.validate(key);
        } catch (UploadException e) {
            throw ServeException.badRequest(String.valueOf(e.getMessage()));
        }
        keys.requireOwned(key, principal);
        Optional<String> process = ImageUrls.process(query);
        ObjectNode out = JSON.createObjectNode();
        Optional<String> cdn = Requests.cdnUrl(settings.cdnDomain(), key, process);
        if (cdn.isPresent()) {
            out.put("url", cdn.get());
        } else {
            out.put(
                    "url",
                    storage.presignGet(key, clock.instant().plus(settings.publicUrlExpires()), process)
                            .toString());
            out.put("expires_in", settings.publicUrlExpires().toSeconds());
        }
        return out;
    }
}
