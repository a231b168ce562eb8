package dev.ossops.upload;

import dev.ossops.cloud.credentials.Credentials;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvUploaderSettingsTest {
    private static final String SECRET = "s3cr3t-0123456789abcdef";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static String error(Map<String, String> env) {
        String message = assertThrows(UploadException.class, () -> EnvUploaderSettings.read(env))
                .getMessage();
        assertFalse(message.contains(SECRET), message);
        return message;
    }

    @Test
    void read_bucketUnsetMeansOff() {
        assertEquals(Optional.empty(), EnvUploaderSettings.read(env("QWEN_TMP_OSS_REGION", "cn-beijing")));
        assertEquals(Optional.empty(), EnvUploaderSettings.read(env("QWEN_TMP_OSS_BUCKET", "")));
    }

    @Test
    void read_minimalWithOwnKeysUsesDefaults() {
        EnvUploaderSettings.Resolved r = EnvUploaderSettings.read(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "my-ai-assets",
                        "QWEN_TMP_OSS_REGION",
                        "ap-southeast-1",
                        "QWEN_TMP_OSS_AK_ID",
                        "LTAI5tXyZ1234abcd",
                        "QWEN_TMP_OSS_AK_SECRET",
                        SECRET,
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        "other"))
                .orElseThrow();
        assertEquals(
                new UploaderSettings(
                        "my-ai-assets",
                        "ap-southeast-1",
                        "oss-ap-southeast-1.aliyuncs.com",
                        "qwencloud-uploads",
                        "{prefix}/{date}/{uuid}_{filename}",
                        Duration.ofSeconds(86400),
                        List.of(),
                        OptionalLong.empty()),
                r.settings());
        assertEquals(Credentials.of("LTAI5tXyZ1234abcd", SECRET), r.credentials());
        assertEquals("QWEN_TMP_OSS_AK_ID/QWEN_TMP_OSS_AK_SECRET", r.credentialsFrom());
        assertFalse(r.toString().contains(SECRET));
        assertTrue(r.toString().contains("LTAI…abcd"), r.toString());
    }

    @Test
    void read_fallsBackToStandardOssVariables() {
        EnvUploaderSettings.Resolved r = EnvUploaderSettings.read(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "b1x",
                        "QWEN_TMP_OSS_REGION",
                        "cn-beijing",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        SECRET,
                        "QWEN_TMP_OSS_AK_ID",
                        ""))
                .orElseThrow();
        assertEquals(Credentials.of("LTAIother0000wxyz", SECRET), r.credentials());
        assertEquals("OSS_ACCESS_KEY_ID/OSS_ACCESS_KEY_SECRET", r.credentialsFrom());
    }

    @Test
    void read_optionalVariables() {
        UploaderSettings s = EnvUploaderSettings.read(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "qwc-ai-test-sg",
                        "QWEN_TMP_OSS_REGION",
                        "ap-southeast-1",
                        "QWEN_TMP_OSS_PREFIX",
                        "/ai/prod/",
                        "QWEN_TMP_OSS_URL_EXPIRES",
                        " 3600 ",
                        "QWEN_TMP_OSS_ENDPOINT",
                        "oss-ap-southeast-1-internal.aliyuncs.com",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        SECRET))
                .orElseThrow()
                .settings();
        assertEquals("ai/prod", s.prefix());
        assertEquals(Duration.ofSeconds(3600), s.urlExpires());
        assertEquals("oss-ap-southeast-1-internal.aliyuncs.com", s.endpoint());
    }

    @Test
    void read_bucketHostEndpointReducedToRegionEndpoint() {
        UploaderSettings s = EnvUploaderSettings.read(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "qwc-ai-test-sg",
                        "QWEN_TMP_OSS_REGION",
                        "ap-southeast-1",
                        "QWEN_TMP_OSS_ENDPOINT",
                        "qwc-ai-test-sg.oss-ap-southeast-1.aliyuncs.com",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        SECRET))
                .orElseThrow()
                .settings();
        assertEquals("oss-ap-southeast-1.aliyuncs.com", s.endpoint());
        assertEquals("http://127.0.0.1:9000", EnvUploaderSettings.withoutBucketHost("http://127.0.0.1:9000", "b"));
        assertEquals(
                "https://oss-cn-beijing.aliyuncs.com",
                EnvUploaderSettings.withoutBucketHost("https://b.oss-cn-beijing.aliyuncs.com", "b"));
    }

    @Test
    void read_regionMissing() {
        assertEquals(
                "QWEN_TMP_OSS_REGION is required when QWEN_TMP_OSS_BUCKET is set (e.g. cn-beijing)",
                error(env("QWEN_TMP_OSS_BUCKET", "bkt")));
    }

    @Test
    void read_noCredentials() {
        assertEquals(
                "no OSS credentials for QWEN_TMP_OSS_BUCKET: set QWEN_TMP_OSS_AK_ID and QWEN_TMP_OSS_AK_SECRET,"
                        + " or OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET",
                error(env("QWEN_TMP_OSS_BUCKET", "bkt", "QWEN_TMP_OSS_REGION", "cn-beijing")));
    }

    @Test
    void read_halfPairNamedWithoutTheSecret() {
        assertEquals(
                "QWEN_TMP_OSS_AK_SECRET is set but QWEN_TMP_OSS_AK_ID is not: set both or neither",
                error(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "bkt",
                        "QWEN_TMP_OSS_REGION",
                        "cn-beijing",
                        "QWEN_TMP_OSS_AK_SECRET",
                        SECRET,
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        SECRET)));
        assertEquals(
                "OSS_ACCESS_KEY_ID is set but OSS_ACCESS_KEY_SECRET is not: set both or neither",
                error(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "bkt",
                        "QWEN_TMP_OSS_REGION",
                        "cn-beijing",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIx")));
    }

    @Test
    void read_badExpiry() {
        Map<String, String> base = env(
                "QWEN_TMP_OSS_BUCKET",
                "bkt",
                "QWEN_TMP_OSS_REGION",
                "cn-beijing",
                "OSS_ACCESS_KEY_ID",
                "LTAIother0000wxyz",
                "OSS_ACCESS_KEY_SECRET",
                SECRET);
        base.put("QWEN_TMP_OSS_URL_EXPIRES", "1h");
        assertEquals("QWEN_TMP_OSS_URL_EXPIRES must be a whole number of seconds, got '1h'", error(base));
        base.put("QWEN_TMP_OSS_URL_EXPIRES", "604801");
        assertEquals("QWEN_TMP_OSS_URL_EXPIRES must be between 1 and 604800 seconds (7 days), got 604801", error(base));
        base.put("QWEN_TMP_OSS_URL_EXPIRES", "0");
        assertEquals("QWEN_TMP_OSS_URL_EXPIRES must be between 1 and 604800 seconds (7 days), got 0", error(base));
    }

    @Test
    void read_badBucketAndRegion() {
        assertEquals(
                "bucket name 'My_Bucket' is invalid: use 3 to 63 lowercase letters, digits and hyphens,"
                        + " starting and ending with a letter or digit",
                error(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "My_Bucket",
                        "QWEN_TMP_OSS_REGION",
                        "cn-beijing",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        SECRET)));
        assertEquals(
                "region 'oss-cn-beijing.aliyuncs.com' is not a region id such as cn-beijing",
                error(env(
                        "QWEN_TMP_OSS_BUCKET",
                        "bkt",
                        "QWEN_TMP_OSS_REGION",
                        "oss-cn-beijing.aliyuncs.com",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIother0000wxyz",
                        "OSS_ACCESS_KEY_SECRET",
                        SECRET)));
    }

    @Test
    void read_withEnvFileTheEnvironmentWins() {
        Map<String, String> file = DotEnv.parse(
                "QWEN_TMP_OSS_BUCKET=from-file\nQWEN_TMP_OSS_REGION=cn-hangzhou\n"
                        + "QWEN_TMP_OSS_AK_ID=LTAIfile00001111\nQWEN_TMP_OSS_AK_SECRET=" + SECRET + "\n",
                ".env");
        EnvUploaderSettings.Resolved r = EnvUploaderSettings.read(
                        DotEnv.underlay(Map.of("QWEN_TMP_OSS_REGION", "cn-beijing"), file))
                .orElseThrow();
        assertEquals("from-file", r.settings().bucket());
        assertEquals("cn-beijing", r.settings().region());
        assertEquals("oss-cn-beijing.aliyuncs.com", r.settings().endpoint());
    }

    @Test
    void uploaderSettings_keyLayoutCheckedUpFront() {
        UploadException e = assertThrows(
                UploadException.class,
                () -> new UploaderSettings(
                        "bkt",
                        "cn-beijing",
                        "e",
                        "",
                        "{prefix}/{name}",
                        Duration.ofSeconds(1),
                        List.of(),
                        OptionalLong.empty()));
        assertEquals(
                "unknown placeholder {name} in key layout '{prefix}/{name}'; known: "
                        + "{prefix} {date} {year} {month} {day} {timestamp} {uuid} {filename}",
                e.getMessage());
    }

    @Test
    void uploaderSettings_maxSizeMustBePositive() {
        UploadException e = assertThrows(
                UploadException.class,
                () -> new UploaderSettings(
                        "bkt", "cn-beijing", "e", "", "{uuid}", Duration.ofSeconds(1), List.of(), OptionalLong.of(0)));
        assertEquals("maxSizeBytes must be positive, got 0", e.getMessage());
    }
}
