package dev.ossops.cloud.credentials;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AliyunCliCredentialSourceTest {

    private static final String CONFIG = """
            {"current": "work", "profiles": [
              {"name": "default", "mode": "AK", "access_key_id": "LTAIdefault00001", "access_key_secret": "d-secret", "region_id": "cn-hangzhou"},
              {"name": "work", "mode": "StsToken", "access_key_id": "STS.work00000002", "access_key_secret": "w-secret", "sts_token": "w-token"},
              {"name": "ecs", "mode": "EcsRamRole", "ram_role_name": "app-role"},
              {"name": "sso", "mode": "CloudSSO"},
              {"name": "broken", "mode": "AK", "access_key_id": "LTAIbroken000003"}
            ]}
            """;

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, CONFIG);
        return file;
    }

    private static CredentialSource failIfAsked(String role) {
        throw new AssertionError("unexpected ECS lookup for " + role);
    }

    @Test
    void resolve_namedAkProfile() throws IOException {
        Credentials c = new AliyunCliCredentialSource(config(), "default", AliyunCliCredentialSourceTest::failIfAsked)
                .resolve();
        assertEquals("LTAIdefault00001", c.accessKeyId());
        assertEquals("d-secret", c.accessKeySecret());
        assertFalse(c.securityToken().isPresent());
    }

    @Test
    void resolve_currentProfileWithStsToken() throws IOException {
        Credentials c =
                new AliyunCliCredentialSource(config(), null, AliyunCliCredentialSourceTest::failIfAsked).resolve();
        assertEquals("STS.work00000002", c.accessKeyId());
        assertEquals("w-token", c.securityToken().orElseThrow());
    }

    @Test
    void resolve_ecsRamRoleDelegatesWithTheRoleName() throws IOException {
        Credentials expected = Credentials.of("LTAIfromecs00004", "e-secret");
        Credentials c = new AliyunCliCredentialSource(config(), "ecs", role -> {
                    assertEquals("app-role", role);
                    return new CredentialSource() {
                        @Override
                        public Credentials resolve() {
                            return expected;
                        }

                        @Override
                        public String describe() {
                            return "test";
                        }
                    };
                })
                .resolve();
        assertEquals(expected, c);
    }

    @Test
    void resolve_unsupportedMode_namesTheSupportedOnes() throws IOException {
        Path file = config();
        CredentialsException e = assertThrows(
                CredentialsException.class,
                () -> new AliyunCliCredentialSource(file, "sso", AliyunCliCredentialSourceTest::failIfAsked).resolve());
        assertEquals(
                "aliyun-cli profile 'sso' in " + file + " uses mode CloudSSO, which ossops does not read; "
                        + "use a profile with mode AK, StsToken or EcsRamRole",
                e.getMessage());
    }

    @Test
    void resolve_unknownProfile_listsTheProfiles() throws IOException {
        Path file = config();
        CredentialsException e = assertThrows(
                CredentialsException.class,
                () -> new AliyunCliCredentialSource(file, "prod", AliyunCliCredentialSourceTest::failIfAsked)
                        .resolve());
        assertEquals(
                "aliyun-cli profile 'prod' is not in " + file + "; it has: default, work, ecs, sso, broken",
                e.getMessage());
    }

    @Test
    void resolve_missingSecret_saysWhichField() throws IOException {
        Path file = config();
        CredentialsException e = assertThrows(
                CredentialsException.class,
                () -> new AliyunCliCredentialSource(file, "broken", AliyunCliCredentialSourceTest::failIfAsked)
                        .resolve());
        assertEquals("aliyun-cli profile 'broken' in " + file + " has no access_key_secret", e.getMessage());
    }

    @Test
    void resolve_missingFile_saysHowToCreateIt() {
        Path file = dir.resolve("nope.json");
        CredentialsException e = assertThrows(
                CredentialsException.class,
                () -> new AliyunCliCredentialSource(file, null, AliyunCliCredentialSourceTest::failIfAsked).resolve());
        assertEquals(file + " does not exist: run 'aliyun configure' or use credentials source env", e.getMessage());
    }

    @Test
    void resolve_malformedFile_pointsAtTheLine() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"current\": \"x\",\n  \"profiles\": [}\n");
        CredentialsException e = assertThrows(
                CredentialsException.class,
                () -> new AliyunCliCredentialSource(file, null, AliyunCliCredentialSourceTest::failIfAsked).resolve());
        assertEquals(file + " is not valid JSON at line 2, column 16", e.getMessage());
    }
}
