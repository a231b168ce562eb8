package dev.ossops.cli;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.EnvCredentialSource;
import dev.ossops.upload.UploadException;
import dev.ossops.upload.UploaderSettings;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UploaderSessionTest {
    private static final EnvCredentialSource NONE = new EnvCredentialSource(Map.of());

    private static UploaderSettings at(String endpoint) {
        UploaderSettings d = UploaderSettings.defaults("media", "ap-southeast-1");
        return new UploaderSettings(
                d.bucket(),
                d.region(),
                endpoint,
                d.prefix(),
                d.keyLayout(),
                d.urlExpires(),
                d.allowedContentTypes(),
                d.maxSizeBytes());
    }

    @Test
    void envTarget_regionEndpoint_keepsVirtualHostedRequests() {
        CloudTarget t = UploaderSession.envTarget(at("oss-ap-southeast-1.aliyuncs.com"), NONE);
        assertEquals(Optional.empty(), t.endpoint());
        assertEquals(URI.create("https://oss-ap-southeast-1.aliyuncs.com"), t.ossEndpoint("ap-southeast-1"));
    }

    @Test
    void envTarget_internalEndpoint_usesTheInternalHost() {
        CloudTarget t = UploaderSession.envTarget(at("https://oss-cn-beijing-internal.aliyuncs.com"), NONE);
        assertEquals(URI.create("https://oss-cn-beijing-internal.aliyuncs.com"), t.ossEndpoint("cn-beijing"));
        assertEquals("cn-beijing", t.region());
    }

    @Test
    void envTarget_emulatorUrl_servesEverythingAtOneUrl() {
        CloudTarget t = UploaderSession.envTarget(at("http://127.0.0.1:9000"), NONE);
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), t.endpoint());
    }

    @Test
    void open_profileAndEnvFile_isRefused() {
        UploadException e = assertThrows(
                UploadException.class,
                () -> UploaderSession.open(Optional.of(Path.of("p.yaml")), Optional.of(Path.of(".env")), Map.of()));
        assertEquals("--env-file configures the uploader without a profile: drop -p or --env-file", e.getMessage());
    }

    @Test
    void open_qwenVariablesWithHalfAKeyPair_namesTheMissingHalf() {
        UploadException e = assertThrows(
                UploadException.class,
                () -> UploaderSession.open(
                        Optional.empty(),
                        Optional.empty(),
                        Map.of(
                                "QWEN_TMP_OSS_BUCKET",
                                "media",
                                "QWEN_TMP_OSS_REGION",
                                "cn-beijing",
                                "QWEN_TMP_OSS_AK_ID",
                                "LTAI5tExampleKey1234")));
        assertEquals(
                "QWEN_TMP_OSS_AK_ID is set but QWEN_TMP_OSS_AK_SECRET is not: set both or neither", e.getMessage());
    }
}
