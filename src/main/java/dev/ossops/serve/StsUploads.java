package dev.ossops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.upload.StsVending;
import dev.ossops.upload.ContentTypes;
import dev.ossops.upload.SessionPolicies;
import dev.ossops.upload.UploadRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The endpoints that hand out temporary credentials: {@code /api/upload/sts-token} (seed 003: PutObject anywhere under
 * the principal's prefix) and the three-step flow of seed 001, {@code /sts/upload/init} (PutObject on exactly one new
 * key) then {@code /sts/upload/complete} (the object must exist with the announced size and type before a URL is
 * returned). The credentials come from AssumeRole with a session policy, so they can do no more than the role and that
 * policy both allow; the role itself should allow no more than PutObject on the upload prefix.
 */
public final class StsUploads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PUT_ONLY = List.of("oss:PutObject");
    /** After the credentials expire, a client still gets this long to call complete. */
    private static final Duration COMPLETE_GRACE = Duration.ofMinutes(15);

    private final ServeSettings settings;
    private final UploadRules rules;
    private final UploadKeys keys;
    private final Storage storage;
    private final TokenVendor sts;
    private final Clock clock;
    private final PendingUploads pending;

    public StsUploads(ServeSettings settings, UploadKeys keys, Storage storage, TokenVendor sts, Clock clock) {
        this.settings = settings;
        this.rules = settings.rules();
        this.keys = keys;
        this.storage = storage;
        this.sts = sts;
        this.clock = clock;
        this.pending = new PendingUploads(clock);
    }

    /** {@code {}} -> seed 003's {@code {access_key_id, access_key_secret, security_token, expiration, bucket, region, endpoint}}. */
    public ObjectNode stsToken(String principal, JsonBody body) {
        Requests.requireCaller(body, principal);
        String prefix = keys.prefixOf(principal);
        StsVending.Issued issued = assume(principal, SessionPolicies.forPrefix(settings.bucket(), prefix, PUT_ONLY));
        ObjectNode out = JSON.createObjectNode();
        out.put("access_key_id", issued.accessKeyId());
        out.put("access_key_secret", issued.accessKeySecret());
        out.put("security_token", issued.securityToken());
        out.put("expiration", issued.expiration().toString());
        out.put("bucket", settings.bucket());
        out.put("region", settings.region());
        out.put("endpoint", storage.endpoint().toString());
        out.put("prefix", prefix);
        return out;
    }

    /**
     * {@code {file_name, file_size, content_type?}} -> seed 001's {@code {AccessKeyId, AccessKeySecret, SecurityToken,
     * bucket_name, object_key, ...}}: credentials for PutObject (and multipart, which OSS authorizes as PutObject) on
     * that one key. The content type defaults to the file name's; the upload must send it.
     */
    public ObjectNode init(String principal, JsonBody body) {
        Requests.requireCaller(body, principal);
        String name = body.requiredText("file_name", Requests.MAX_NAME_LENGTH);
        long size = body.requiredSize("file_size");
        String contentType =
                Requests.contentType(body.text("content_type", 255).orElseGet(() -> ContentTypes.of(name)));
        Requests.check(rules, "file_name " + ImageUrls.printable(name), contentType, size);
        String key = keys.newKey(principal, name, contentType);
        StsVending.Issued issued = assume(principal, SessionPolicies.forObject(settings.bucket(), key, PUT_ONLY));
        pending.add(
                key,
                new PendingUploads.Pending(
                        principal, size, contentType, issued.expiration().plus(COMPLETE_GRACE)));
        ObjectNode out = JSON.createObjectNode();
        out.put("AccessKeyId", issued.accessKeyId());
        out.put("AccessKeySecret", issued.accessKeySecret());
        out.put("SecurityToken", issued.securityToken());
        out.put("Expiration", issued.expiration().toString());
        out.put("bucket_name", settings.bucket());
        out.put("object_key", key);
        out.put("region", settings.region());
        out.put("endpoint", storage.endpoint().toString());
        out.put("content_type", contentType);
        out.put("file_size", size);
        return out;
    }

    /**
     * {@code {object_key}} -> {@code {object_key, bucket_name, file_size, content_type, public_signed_url}} once OSS
     * holds the object with the size and type announced at init; a missing object (404) or a mismatch (409) is an
     * error, never a URL. Checked with HeadObject under the service's credentials.
     */
    public ObjectNode complete(String principal, JsonBody body) {
        String key = body.requiredText("object_key", 1023);
        keys.requireOwned(key, principal);
        PendingUploads.Pending announced = pending.find(key, principal)
                .orElseThrow(() -> new ServeException(
                        404, "no upload of " + key + " was started with /sts/upload/init, or it expired"));
        Storage.StoredObject stored =
                storage.head(key).orElseThrow(() -> new ServeException(404, key + " has not been uploaded"));
        if (stored.size() != announced.size()) {
            throw new ServeException(
                    409, key + " holds " + stored.size() + " bytes, but " + announced.size() + " were announced");
        }
        String type = stored.contentType().orElse("(none)");
        if (!type.equals(announced.contentType())) {
            throw new ServeException(
                    409,
                    key + " was stored as " + ImageUrls.printable(type) + ", but " + announced.contentType()
                            + " was announced");
        }
        pending.remove(key);
        ObjectNode out = JSON.createObjectNode();
        out.put("object_key", key);
        out.put("bucket_name", settings.bucket());
        out.put("file_size", stored.size());
        out.put("content_type", type);
        Optional<String> cdn = Requests.cdnUrl(settings.cdnDomain(), key, Optional.empty());
        if (cdn.isPresent()) {
            out.put("public_signed_url", cdn.get());
        } else {
            Instant expires = clock.instant().plus(settings.publicUrlExpires());
            out.put(
                    "public_signed_url",
                    storage.presignGet(key, expires, Optional.empty()).toString());
            out.put("expires_in", settings.publicUrlExpires().toSeconds());
        }
        return out;
    }

    private StsVending.Issued assume(String principal, String policy) {
        String role = settings.stsRole()
                .orElseThrow(() ->
                        new ServeException(501, "STS uploads are not configured: the profile has no serve.sts.role"));
        return sts.assume(role, "serve-" + principal, policy, settings.stsDurationSeconds());
    }
}
