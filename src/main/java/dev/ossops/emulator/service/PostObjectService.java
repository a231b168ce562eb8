package dev.ossops.emulator.service;

import dev.ossops.common.Digests;
import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.auth.V4Signature;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.StagedBlob;
import dev.ossops.policy.OssAction;
import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PostObject (browser form upload): authenticates the form's own signature (V1 {@code Signature}
 * or V4 {@code x-oss-signature}) over the base64 policy, checks the policy and its
 * content-length-range, then streams the file into the bucket. Without {@code OSSAccessKeyId} or
 * V4 fields the upload is anonymous and needs a public-read-write bucket.
 */
public final class PostObjectService {
    static final String V4_ALGORITHM = "OSS4-HMAC-SHA256";

    private final DiskStore store;
    private final AccessControl access;
    private final BucketService buckets;
    private final ObjectService objects;
    private final CredentialLookup credentials;
    private final Clock clock;

    public PostObjectService(
            ServiceContext context, BucketService buckets, ObjectService objects, CredentialLookup credentials) {
        this.store = context.store();
        this.access = context.access();
        this.clock = context.clock();
        this.buckets = buckets;
        this.objects = objects;
        this.credentials = credentials;
    }

    /**
     * One PostObject.
     *
     * @param fields   form fields before {@code file}, by lower-case name
     * @param filename the file part's file name, for {@code ${filename}} in the key
     * @param write    what the fields say about the object
     */
    public Posted post(
            String bucketName,
            Map<String, String> fields,
            @Nullable String filename,
            ObjectWrite write,
            InputStream file) {
        BucketRecord bucket = buckets.require(bucketName);
        String rawKey = fields.get("key");
        if (rawKey == null || rawKey.isEmpty()) {
            throw new OssException(OssError.INVALID_ARGUMENT, "Bucket POST must contain a field named 'key'.");
        }
        String key = rawKey.replace("${filename}", filename == null ? "" : filename);
        Names.checkKey(key);
        String policyField = fields.get("policy");
        Caller caller = authenticate(fields, policyField);
        PostPolicy policy = policyField == null ? null : PostPolicy.parse(policyField);
        if (policy != null) {
            Map<String, String> checked = new HashMap<>(fields);
            checked.put("bucket", bucketName);
            checked.put("key", key);
            policy.check(checked, Instant.now(clock));
        }
        access.checkObjectWrite(caller, bucket, key, OssAction.PUT_OBJECT);
        long min = policy == null ? 0 : policy.minLength();
        long max = policy == null ? Long.MAX_VALUE : policy.maxLength();
        StagedBlob staged = store.stage(atMost(file, max));
        boolean committed = false;
        try {
            if (staged.size() > max) {
                throw new OssException(OssError.ENTITY_TOO_LARGE)
                        .with("MaxSizeAllowed", Long.toString(max))
                        .with("ProposedSize", Long.toString(staged.size()));
            }
            if (staged.size() < min) {
                throw new OssException(OssError.ENTITY_TOO_SMALL)
                        .with("MinSizeAllowed", Long.toString(min))
                        .with("ProposedSize", Long.toString(staged.size()));
            }
            ObjectService.Written written = objects.commit(
                    bucketName,
                    key,
                    staged,
                    write,
                    "Normal",
                    ObjectService.etag(staged.streamedMd5()),
                    staged.crc64(),
                    "true".equalsIgnoreCase(fields.get("x-oss-forbid-overwrite")));
            committed = true;
            return new Posted(key, written);
        } finally {
            if (!committed) {
                store.discard(staged);
            }
        }
    }

    /** The key the object was stored under (after {@code ${filename}}) and the version written. */
    public record Posted(String key, ObjectService.Written written) {}

    private Caller authenticate(Map<String, String> fields, @Nullable String policy) {
        if (fields.containsKey("x-oss-signature-version")) {
            return authenticateV4(fields, policy);
        }
        String keyId = fields.get("ossaccesskeyid");
        if (keyId == null) {
            return Caller.anonymous();
        }
        if (policy == null || policy.isEmpty()) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT, "Bucket POST must contain a field named 'policy' when it is signed.");
        }
        String signature = fields.get("signature");
        if (signature == null || signature.isEmpty()) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT, "Bucket POST must contain a field named 'Signature' when it is signed.");
        }
        Credential key = lookup(keyId, fields);
        // V1: base64(hmac-sha1(AccessKeySecret, base64(policy))).
        String expected = Base64.getEncoder()
                .encodeToString(Digests.hmac(Digests.HMAC_SHA1, key.secret().getBytes(StandardCharsets.UTF_8), policy));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw new OssException(OssError.SIGNATURE_DOES_NOT_MATCH);
        }
        return Caller.of(key);
    }

    private Caller authenticateV4(Map<String, String> fields, @Nullable String policy) {
        if (!V4_ALGORITHM.equals(fields.get("x-oss-signature-version"))) {
            throw new OssException(OssError.INVALID_ARGUMENT, "x-oss-signature-version must be " + V4_ALGORITHM + ".");
        }
        String credential = fields.get("x-oss-credential");
        String[] scope = credential == null ? new String[0] : credential.split("/", -1);
        if (scope.length != 5
                || !scope[1].matches("\\d{8}")
                || !scope[3].equals("oss")
                || !scope[4].equals("aliyun_v4_request")) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT,
                    "x-oss-credential must be <AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request.");
        }
        if (fields.get("x-oss-date") == null || !fields.get("x-oss-date").startsWith(scope[1])) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT, "x-oss-date must be the request time on the credential's date.");
        }
        if (policy == null || policy.isEmpty()) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT, "Bucket POST must contain a field named 'policy' when it is signed.");
        }
        String signature = fields.get("x-oss-signature");
        if (signature == null || signature.isEmpty()) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT,
                    "Bucket POST must contain a field named 'x-oss-signature' when it is signed.");
        }
        Credential key = lookup(scope[0], fields);
        // V4: the header signature's key chain (date, region, "oss"), applied to the base64 policy.
        String expected = V4Signature.sign(key.secret(), scope[1], scope[2], "oss", policy);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw new OssException(OssError.SIGNATURE_DOES_NOT_MATCH);
        }
        return Caller.of(key);
    }

    /** The key behind an id, with its STS token and expiry checked against the form. */
    private Credential lookup(String keyId, Map<String, String> fields) {
        Credential key = credentials.find(keyId).orElseThrow(() -> new OssException(OssError.INVALID_ACCESS_KEY_ID));
        Authenticator.checkUsable(key, Optional.ofNullable(fields.get("x-oss-security-token")), clock.instant());
        return key;
    }

    /**
     * Passes at most {@code max + 1} bytes, so an oversized file is detected after one byte too many
     * rather than after it has all been written to disk.
     */
    private static InputStream atMost(InputStream file, long max) {
        return max == Long.MAX_VALUE ? file : RangeStreams.limit(file, max + 1);
    }
}
