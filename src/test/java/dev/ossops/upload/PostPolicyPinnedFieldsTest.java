package dev.ossops.upload;

import dev.ossops.cloud.credentials.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fields a form's policy pins exactly (what ossops serve's policy endpoint uses for key, type and ACL). */
class PostPolicyPinnedFieldsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T23:59:30Z"), ZoneOffset.UTC);
    private static final Credentials KEYS = Credentials.of("LTAI5tXyZ1234abcd", "s3cr3tS3cr3t0123456789");

    @Test
    void sign_pinnedFields_areExactConditionsAndFormFields() {
        Map<String, String> pinned = new LinkedHashMap<>();
        pinned.put("key", "uploads/bob/a.txt");
        pinned.put("Content-Type", "text/plain");
        pinned.put("x-oss-content-type", "text/plain");
        PostPolicy.PostForm form = PostPolicy.sign(
                new PostPolicy.Request(
                        "media",
                        "cn-hangzhou",
                        "uploads/bob",
                        1024,
                        Duration.ofMinutes(10),
                        true,
                        PostPolicy.Version.V1,
                        "private",
                        List.of()),
                pinned,
                KEYS,
                CLOCK);

        assertEquals(
                "{\"expiration\":\"2026-03-05T00:09:30.000Z\",\"conditions\":[{\"bucket\":\"media\"},"
                        + "[\"content-length-range\",0,1024],[\"starts-with\",\"$key\",\"uploads/bob/\"],{\"x-oss-forbid-overwrite\":\"true\"},"
                        + "{\"x-oss-object-acl\":\"private\"},{\"key\":\"uploads/bob/a.txt\"},{\"Content-Type\":\"text/plain\"},"
                        + "{\"x-oss-content-type\":\"text/plain\"}]}",
                form.policyJson());
        assertEquals(
                List.of(
                        "OSSAccessKeyId",
                        "policy",
                        "Signature",
                        "x-oss-forbid-overwrite",
                        "x-oss-object-acl",
                        "key",
                        "Content-Type",
                        "x-oss-content-type"),
                List.copyOf(form.fields().keySet()));
        assertEquals("text/plain", form.fields().get("Content-Type"));
    }
}
