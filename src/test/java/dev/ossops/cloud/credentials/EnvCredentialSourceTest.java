package dev.ossops.cloud.credentials;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvCredentialSourceTest {

    @Test
    void resolve_prefersAlibabaCloudVariables() {
        Credentials c = new EnvCredentialSource(Map.of(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID",
                        "LTAIalibaba0001",
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                        "a-secret",
                        "OSS_ACCESS_KEY_ID",
                        "LTAIoss00000002",
                        "OSS_ACCESS_KEY_SECRET",
                        "o-secret"))
                .resolve();
        assertEquals("LTAIalibaba0001", c.accessKeyId());
        assertEquals("a-secret", c.accessKeySecret());
        assertEquals(false, c.securityToken().isPresent());
    }

    @Test
    void resolve_readsSecurityToken() {
        Credentials c = new EnvCredentialSource(Map.of(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID",
                        "STS.abcdefgh1234",
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                        "a-secret",
                        "ALIBABA_CLOUD_SECURITY_TOKEN",
                        "tok"))
                .resolve();
        assertEquals("tok", c.securityToken().orElseThrow());
    }

    @Test
    void resolve_fallsBackToOssVariables() {
        Credentials c = new EnvCredentialSource(
                        Map.of("OSS_ACCESS_KEY_ID", "LTAIoss00000002", "OSS_ACCESS_KEY_SECRET", "o-secret"))
                .resolve();
        assertEquals("LTAIoss00000002", c.accessKeyId());
    }

    @Test
    void resolve_nothingSet_saysWhatToSet() {
        CredentialsException e =
                assertThrows(CredentialsException.class, () -> new EnvCredentialSource(Map.of()).resolve());
        assertEquals(
                "no credentials in the environment: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                        + "(or OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET), or use credentials source aliyun-cli or ecs-ram-role",
                e.getMessage());
    }

    @Test
    void resolve_halfAPair_namesTheMissingVariable() {
        CredentialsException e = assertThrows(
                CredentialsException.class,
                () -> new EnvCredentialSource(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIalibaba0001")).resolve());
        assertEquals(
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set but ALIBABA_CLOUD_ACCESS_KEY_ID is: set both",
                e.getMessage());
    }
}
