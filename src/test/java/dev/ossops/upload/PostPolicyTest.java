package dev.ossops.upload;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import dev.ossops.cloud.credentials.Credentials;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-04T23:59:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.ofHours(8));
    private static final Credentials KEYS = Credentials.of("LTAI5tXyZ1234abcd", "s3cr3tS3cr3t0123456789");
    private static final Credentials STS = Credentials.temporary(
            "STS.NUxyz0123456789", "tmpSecret0123456789", "CAIS+token/value==", Instant.parse("2026-03-05T00:59:30Z"));

    private static PostPolicy.Request request(PostPolicy.Version version, boolean forbidOverwrite) {
        return new PostPolicy.Request(
                "myapp-prod-media",
                "cn-hangzhou",
                "qwencloud-uploads",
                104_857_600,
                Duration.ofHours(1),
                forbidOverwrite,
                version,
                "private",
                List.of());
    }

    /** The SDK's own post signature (no request is sent: signing is local). */
    private static String sdkSignature(Credentials c, SignVersion version, String policyJson, Instant at) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        DefaultCredentialProvider provider = c.securityToken().isPresent()
                ? new DefaultCredentialProvider(
                        c.accessKeyId(), c.accessKeySecret(), c.securityToken().get())
                : new DefaultCredentialProvider(c.accessKeyId(), c.accessKeySecret());
        OSS client = OSSClientBuilder.create()
                .endpoint("http://127.0.0.1:9")
                .credentialsProvider(provider)
                .clientConfiguration(conf)
                .region("cn-hangzhou")
                .build();
        try {
            return version == SignVersion.V4
                    ? client.calculatePostSignature(policyJson, Date.from(at))
                    : client.calculatePostSignature(policyJson);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void sign_v1PolicyAndFields() {
        PostPolicy.PostForm form = PostPolicy.sign(request(PostPolicy.Version.V1, false), KEYS, CLOCK);
        assertEquals(
                "{\"expiration\":\"2026-03-05T00:59:30.000Z\",\"conditions\":[{\"bucket\":\"myapp-prod-media\"},"
                        + "[\"content-length-range\",0,104857600],[\"starts-with\",\"$key\",\"qwencloud-uploads/\"],"
                        + "{\"x-oss-object-acl\":\"private\"}]}",
                form.policyJson());
        assertEquals(
                List.of("OSSAccessKeyId", "policy", "Signature", "x-oss-object-acl"),
                List.copyOf(form.fields().keySet()));
        assertEquals("private", form.fields().get("x-oss-object-acl"));
        assertEquals("LTAI5tXyZ1234abcd", form.fields().get("OSSAccessKeyId"));
        assertEquals(
                Base64.getEncoder().encodeToString(form.policyJson().getBytes(StandardCharsets.UTF_8)),
                form.fields().get("policy"));
        assertEquals(
                sdkSignature(KEYS, SignVersion.V1, form.policyJson(), NOW),
                form.fields().get("Signature"));
        assertEquals(Instant.parse("2026-03-05T00:59:30Z"), form.expiration());
    }

    @Test
    void sign_v4PolicyPinsCredentialAndDate() {
        PostPolicy.PostForm form = PostPolicy.sign(request(PostPolicy.Version.V4, false), KEYS, CLOCK);
        assertEquals(
                "{\"expiration\":\"2026-03-05T00:59:30.000Z\",\"conditions\":[{\"bucket\":\"myapp-prod-media\"},"
                        + "[\"content-length-range\",0,104857600],[\"starts-with\",\"$key\",\"qwencloud-uploads/\"],"
                        + "{\"x-oss-object-acl\":\"private\"},{\"x-oss-signature-version\":\"OSS4-HMAC-SHA256\"},"
                        + "{\"x-oss-credential\":\"LTAI5tXyZ1234abcd/20260304/cn-hangzhou/oss/aliyun_v4_request\"},"
                        + "{\"x-oss-date\":\"20260304T235930Z\"}]}",
                form.policyJson());
        assertEquals(
                List.of(
                        "policy",
                        "x-oss-signature-version",
                        "x-oss-credential",
                        "x-oss-date",
                        "x-oss-signature",
                        "x-oss-object-acl"),
                List.copyOf(form.fields().keySet()));
        assertEquals(
                "LTAI5tXyZ1234abcd/20260304/cn-hangzhou/oss/aliyun_v4_request",
                form.fields().get("x-oss-credential"));
        assertEquals(
                sdkSignature(KEYS, SignVersion.V4, form.policyJson(), NOW),
                form.fields().get("x-oss-signature"));
        assertEquals(64, form.fields().get("x-oss-signature").length());
    }

    @Test
    void sign_stsTokenIsAFieldAndACondition() {
        PostPolicy.PostForm v4 = PostPolicy.sign(request(PostPolicy.Version.V4, true), STS, CLOCK);
        assertEquals(
                List.of(
                        "policy",
                        "x-oss-signature-version",
                        "x-oss-credential",
                        "x-oss-date",
                        "x-oss-signature",
                        "x-oss-security-token",
                        "x-oss-forbid-overwrite",
                        "x-oss-object-acl"),
                List.copyOf(v4.fields().keySet()));
        assertEquals("CAIS+token/value==", v4.fields().get("x-oss-security-token"));
        assertEquals("true", v4.fields().get("x-oss-forbid-overwrite"));
        assertEquals(
                "{\"expiration\":\"2026-03-05T00:59:30.000Z\",\"conditions\":[{\"bucket\":\"myapp-prod-media\"},"
                        + "[\"content-length-range\",0,104857600],[\"starts-with\",\"$key\",\"qwencloud-uploads/\"],"
                        + "{\"x-oss-forbid-overwrite\":\"true\"},{\"x-oss-object-acl\":\"private\"},"
                        + "{\"x-oss-security-token\":\"CAIS+token/value==\"},"
                        + "{\"x-oss-signature-version\":\"OSS4-HMAC-SHA256\"},"
                        + "{\"x-oss-credential\":\"STS.NUxyz0123456789/20260304/cn-hangzhou/oss/aliyun_v4_request\"},"
                        + "{\"x-oss-date\":\"20260304T235930Z\"}]}",
                v4.policyJson());
        assertEquals(
                sdkSignature(STS, SignVersion.V4, v4.policyJson(), NOW),
                v4.fields().get("x-oss-signature"));
        PostPolicy.PostForm v1 = PostPolicy.sign(request(PostPolicy.Version.V1, false), STS, CLOCK);
        assertEquals(
                List.of("OSSAccessKeyId", "policy", "Signature", "x-oss-security-token", "x-oss-object-acl"),
                List.copyOf(v1.fields().keySet()));
        assertEquals(
                sdkSignature(STS, SignVersion.V1, v1.policyJson(), NOW),
                v1.fields().get("Signature"));
    }

    @Test
    void toString_namesFieldsOnly() {
        PostPolicy.PostForm form = PostPolicy.sign(request(PostPolicy.Version.V4, false), STS, CLOCK);
        assertEquals(
                "PostForm[fields=[policy, x-oss-signature-version, x-oss-credential, x-oss-date, x-oss-signature,"
                        + " x-oss-security-token, x-oss-object-acl], expires 2026-03-05T00:59:30Z]",
                form.toString());
        assertFalse(form.toString().contains("CAIS"));
    }

    @Test
    void request_prefixNormalized() {
        assertEquals(
                "a/b/",
                new PostPolicy.Request(
                                "bkt",
                                null,
                                "/a/b",
                                1,
                                Duration.ofSeconds(1),
                                false,
                                PostPolicy.Version.V1,
                                "private",
                                List.of())
                        .keyPrefix());
        assertEquals(
                "",
                new PostPolicy.Request(
                                "bkt",
                                null,
                                "",
                                1,
                                Duration.ofSeconds(1),
                                false,
                                PostPolicy.Version.V1,
                                "private",
                                List.of())
                        .keyPrefix());
        assertEquals(
                "a/",
                new PostPolicy.Request(
                                "bkt",
                                null,
                                "a/",
                                1,
                                Duration.ofSeconds(1),
                                false,
                                PostPolicy.Version.V1,
                                "private",
                                List.of())
                        .keyPrefix());
    }

    @Test
    void request_limits() {
        assertEquals(
                "maximum size must be between 1 byte and 5 GiB (PostObject's limit), got 5368709121",
                assertThrows(
                                UploadException.class,
                                () -> new PostPolicy.Request(
                                        "bkt",
                                        "cn-beijing",
                                        "p",
                                        5 * ByteSize.GIB + 1,
                                        Duration.ofHours(1),
                                        false,
                                        PostPolicy.Version.V4,
                                        "private",
                                        List.of()))
                        .getMessage());
        assertEquals(
                "post policy expiry must be between 1 second and 7 days, got 604801 seconds",
                assertThrows(
                                UploadException.class,
                                () -> new PostPolicy.Request(
                                        "bkt",
                                        "cn-beijing",
                                        "p",
                                        1,
                                        Duration.ofSeconds(604_801),
                                        false,
                                        PostPolicy.Version.V4,
                                        "private",
                                        List.of()))
                        .getMessage());
        assertEquals(
                "V4 post signatures need the bucket's region id (e.g. cn-beijing), got 'null'",
                assertThrows(
                                UploadException.class,
                                () -> new PostPolicy.Request(
                                        "bkt",
                                        null,
                                        "p",
                                        1,
                                        Duration.ofHours(1),
                                        false,
                                        PostPolicy.Version.V4,
                                        "private",
                                        List.of()))
                        .getMessage());
    }

    @Test
    void sign_contentTypesAndAcl_pinnedByInAndExactConditions() {
        PostPolicy.Request request = new PostPolicy.Request(
                "bkt",
                "cn-hangzhou",
                "up",
                1024,
                Duration.ofHours(1),
                true,
                PostPolicy.Version.V1,
                "public-read",
                List.of("image/png", " Image/JPEG "));
        PostPolicy.PostForm form = PostPolicy.sign(request, KEYS, CLOCK);
        assertEquals(
                "{\"expiration\":\"2026-03-05T00:59:30.000Z\",\"conditions\":[{\"bucket\":\"bkt\"},"
                        + "[\"content-length-range\",0,1024],[\"starts-with\",\"$key\",\"up/\"],{\"x-oss-forbid-overwrite\":\"true\"},"
                        + "{\"x-oss-object-acl\":\"public-read\"},[\"in\",\"$x-oss-content-type\",[\"image/png\",\"image/jpeg\"]]]}",
                form.policyJson());
        assertEquals("public-read", form.fields().get("x-oss-object-acl"));
        assertEquals(
                sdkSignature(KEYS, SignVersion.V1, form.policyJson(), NOW),
                form.fields().get("Signature"));
    }

    @Test
    void request_aclAndContentTypes_areChecked() {
        assertEquals(
                "post-policy object ACL must be one of private, default, public-read, got 'public-read-write'",
                assertThrows(
                                UploadException.class,
                                () -> new PostPolicy.Request(
                                        "bkt",
                                        null,
                                        "p",
                                        1,
                                        Duration.ofHours(1),
                                        false,
                                        PostPolicy.Version.V1,
                                        "public-read-write",
                                        List.of()))
                        .getMessage());
        assertEquals(
                "post-policy pins exact content types, and 'image/*' is a range (image/* would admit image/svg+xml, which "
                        + "browsers run scripts in): list the types in uploader.allowedContentTypes",
                assertThrows(
                                UploadException.class,
                                () -> new PostPolicy.Request(
                                        "bkt",
                                        null,
                                        "p",
                                        1,
                                        Duration.ofHours(1),
                                        false,
                                        PostPolicy.Version.V1,
                                        "private",
                                        List.of("image/png", "image/*")))
                        .getMessage());
        assertEquals(
                "'text/html; charset=utf-8' is not a media type such as image/png",
                assertThrows(
                                UploadException.class,
                                () -> new PostPolicy.Request(
                                        "bkt",
                                        null,
                                        "p",
                                        1,
                                        Duration.ofHours(1),
                                        false,
                                        PostPolicy.Version.V1,
                                        "private",
                                        List.of("text/html; charset=utf-8")))
                        .getMessage());
    }
}
