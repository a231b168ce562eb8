package dev.ossops.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.credentials.Credentials;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The form fields of a browser PostObject upload ({@code ossops post-policy}): a policy that
 * expires, caps the size ({@code content-length-range}), confines the key to the prefix
 * ({@code starts-with $key}), names the bucket, pins the object ACL ({@code x-oss-object-acl},
 * a field the form carries) and, when content types are given, the object's type
 * ({@code ["in", "$x-oss-content-type", [...]]}), and its signature.
 * <p>
 * The type is pinned through {@code x-oss-content-type} because the PostObject reference gives that
 * field precedence over the type a browser puts on the file part and over a {@code Content-Type}
 * field: a pin on {@code Content-Type} alone would let the file part's {@code text/html} through.
 * The browser sets {@code x-oss-content-type} to the file's type; a form without it fails the
 * condition.
 * <ul>
 *   <li>V1 ("PostObject" signature): {@code Signature} = Base64(HMAC-SHA1(secret, base64Policy)),
 *       with {@code OSSAccessKeyId}.</li>
 *   <li>V4 ("POST V4 signature"): the policy also pins {@code x-oss-signature-version}
 *       ({@code OSS4-HMAC-SHA256}), {@code x-oss-credential}
 *       ({@code <AccessKeyId>/<yyyyMMdd>/<region>/oss/aliyun_v4_request}) and {@code x-oss-date}
 *       ({@code yyyyMMdd'T'HHmmss'Z'}); {@code x-oss-signature} = hex(HMAC-SHA256(signing key,
 *       base64Policy)).</li>
 * </ul>
 * With STS credentials the token is a form field and a policy condition. The browser adds
 * {@code key} (starting with the prefix), {@code x-oss-content-type} when types are pinned, and
 * the {@code file} field last.
 */
public final class PostPolicy {
    /** PostObject uploads at most 5 GB. */
    public static final long MAX_SIZE = 5 * ByteSize.GIB;
    /** A V4 POST signature is valid for at most 7 days from {@code x-oss-date}. */
    public static final Duration MAX_EXPIRY = Duration.ofDays(7);
    /** The object ACL a form pins unless the profile says otherwise. */
    public static final String DEFAULT_OBJECT_ACL = "private";
    /** ACLs a form may pin; public-read-write is not one: whoever may upload would let everyone overwrite. */
    public static final List<String> OBJECT_ACLS = List.of("private", "default", "public-read");

    private static final Pattern EXACT_MEDIA_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter V4_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter V4_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    private PostPolicy() {}

    /** Signature version of the form. */
    public enum Version {
        V1,
        V4
    }

    /**
     * What the form allows.
     *
     * @param bucket          bucket the form uploads to
     * @param region          the bucket's region (V4 signs with it)
     * @param keyPrefix       keys must start with this ({@code /} appended when missing; empty allows any key)
     * @param maxSizeBytes    largest upload, 1 byte to 5 GiB
     * @param expiresIn       how long the form stays usable, up to 7 days
     * @param forbidOverwrite when set, the form can only create new objects ({@code x-oss-forbid-overwrite})
     * @param version         signature version
     * @param objectAcl       the ACL every object gets, one of {@link #OBJECT_ACLS}
     * @param contentTypes    the exact media types allowed; empty allows any
     */
    public record Request(
            String bucket,
            String region,
            String keyPrefix,
            long maxSizeBytes,
            Duration expiresIn,
            boolean forbidOverwrite,
            Version version,
            String objectAcl,
            List<String> contentTypes) {
        public Request {
            Objects.requireNonNull(expiresIn, "expiresIn");
            Objects.requireNonNull(version, "version");
            if (!OBJECT_ACLS.contains(objectAcl)) {
                throw new UploadException("post-policy object ACL must be one of " + String.join(", ", OBJECT_ACLS)
                        + ", got '" + objectAcl + "'");
            }
            contentTypes = contentTypes.stream()
                    .map(t -> t.strip().toLowerCase(Locale.ROOT))
                    .toList();
            for (String type : contentTypes) {
                if (type.endsWith("/*")) {
                    throw new UploadException(
                            "post-policy pins exact content types, and '" + type + "' is a range (image/* would "
                                    + "admit image/svg+xml, which browsers run scripts in): list the types in uploader.allowedContentTypes");
                }
                if (!EXACT_MEDIA_TYPE.matcher(type).matches()) {
                    throw new UploadException("'" + type + "' is not a media type such as image/png");
                }
            }
            UploaderSettings.checkBucket(bucket);
            if (version == Version.V4
                    && (region == null || !REGION.matcher(region).matches())) {
                throw new UploadException(
                        "V4 post signatures need the bucket's region id (e.g. cn-beijing), got '" + region + "'");
            }
            if (maxSizeBytes < 1 || maxSizeBytes > MAX_SIZE) {
                throw new UploadException(
                        "maximum size must be between 1 byte and 5 GiB (PostObject's limit), got " + maxSizeBytes);
            }
            if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_EXPIRY) > 0) {
                throw new UploadException("post policy expiry must be between 1 second and 7 days, got "
                        + expiresIn.toSeconds() + " seconds");
            }
            String p = keyPrefix == null ? "" : keyPrefix.replaceAll("^/+", "");
            keyPrefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        }
    }

    /**
     * The signed form. {@link #toString()} names the fields only: the values include the signature
     * and, with STS, the security token.
     *
     * @param fields     form fields in the order to send them (before {@code key} and {@code file})
     * @param policyJson the policy before Base64, for display and tests
     * @param expiration when the form stops working
     */
    public record PostForm(Map<String, String> fields, String policyJson, Instant expiration) {
        public PostForm {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String toString() {
            return "PostForm[fields=" + fields.keySet() + ", expires " + expiration + "]";
        }
    }

    /** Builds and signs the form with {@code credentials} at the clock's current time. */
    public static PostForm sign(Request request, Credentials credentials, Clock clock) {
        return sign(request, Map.of(), credentials, clock);
    }

    /**
     * The same, with form fields whose values the policy pins exactly ({@code {"Content-Type": "image/png"}},
     * {@code {"x-oss-object-acl": "private"}}): each becomes an exact-match condition and a field of the form.
     */
    public static PostForm sign(Request request, Map<String, String> pinned, Credentials credentials, Clock clock) {
        Instant now = clock.instant();
        Instant expiration = now.plus(request.expiresIn());
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode policy = mapper.createObjectNode();
        policy.put("expiration", EXPIRATION.format(expiration));
        ArrayNode conditions = policy.putArray("conditions");
        conditions.addObject().put("bucket", request.bucket());
        conditions.addArray().add("content-length-range").add(0).add(request.maxSizeBytes());
        conditions.addArray().add("starts-with").add("$key").add(request.keyPrefix());
        if (request.forbidOverwrite()) {
            conditions.addObject().put("x-oss-forbid-overwrite", "true");
        }
        conditions.addObject().put("x-oss-object-acl", request.objectAcl());
        if (!request.contentTypes().isEmpty()) {
            ArrayNode types =
                    conditions.addArray().add("in").add("$x-oss-content-type").addArray();
            request.contentTypes().forEach(types::add);
        }
        pinned.forEach((field, value) -> conditions.addObject().put(field, value));
        credentials.securityToken().ifPresent(token -> conditions.addObject().put("x-oss-security-token", token));
        String credential = null;
        String dateTime = null;
        if (request.version() == Version.V4) {
            credential = credentials.accessKeyId() + "/" + V4_DATE.format(now) + "/" + request.region()
                    + "/oss/aliyun_v4_request";
            dateTime = V4_DATE_TIME.format(now);
            conditions.addObject().put("x-oss-signature-version", "OSS4-HMAC-SHA256");
            conditions.addObject().put("x-oss-credential", credential);
            conditions.addObject().put("x-oss-date", dateTime);
        }
        String policyJson;
        try {
            policyJson = mapper.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
        String encoded = Base64.getEncoder().encodeToString(policyJson.getBytes(StandardCharsets.UTF_8));

        Map<String, String> fields = new LinkedHashMap<>();
        if (request.version() == Version.V1) {
            fields.put("OSSAccessKeyId", credentials.accessKeyId());
            fields.put("policy", encoded);
            fields.put(
                    "Signature",
                    Base64.getEncoder()
                            .encodeToString(Hmac.sha1(
                                    credentials.accessKeySecret().getBytes(StandardCharsets.UTF_8), encoded)));
        } else {
            byte[] signingKey = Hmac.v4SigningKey(credentials.accessKeySecret(), V4_DATE.format(now), request.region());
            fields.put("policy", encoded);
            fields.put("x-oss-signature-version", "OSS4-HMAC-SHA256");
            fields.put("x-oss-credential", credential);
            fields.put("x-oss-date", dateTime);
            fields.put("x-oss-signature", HexFormat.of().formatHex(Hmac.sha256(signingKey, encoded)));
        }
        credentials.securityToken().ifPresent(token -> fields.put("x-oss-security-token", token));
        if (request.forbidOverwrite()) {
            fields.put("x-oss-forbid-overwrite", "true");
        }
        fields.put("x-oss-object-acl", request.objectAcl());
        fields.putAll(pinned);
        return new PostForm(fields, policyJson, expiration);
    }
}
