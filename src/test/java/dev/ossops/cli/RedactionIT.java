package dev.ossops.cli;

import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What ossops prints on stderr when the service echoes a request back: no STS token, secret or signature in any
 * encoding, with and without {@code --stacktrace}.
 */
@ExtendWith(EmulatorExtension.class)
class RedactionIT {
    /** An STS token with the characters that encoding changes ('+', '/', '='). */
    private static final String TOKEN = "CAISzQJ1q6Ft5B2yfSjIr5bSE+/Rt4Zr0bWtXWTJWBIAdKUhtw==";

    @TempDir
    Path dir;

    private Path profile(URI endpoint, String extra) throws Exception {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: redaction\nregion: cn-hangzhou\nendpoint: " + endpoint
                        + "\nuploader:\n  bucket: media-bucket\n" + extra);
        return file;
    }

    private static Map<String, String> env(String keyId, String secret) {
        return Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                keyId,
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                secret,
                "ALIBABA_CLOUD_SECURITY_TOKEN",
                TOKEN);
    }

    /** The token raw, once and twice URL-encoded, in hex, and its distinctive middle: none may appear. */
    private static void assertNoToken(String text) {
        String once = URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
        String twice = URLEncoder.encode(once, StandardCharsets.UTF_8);
        for (String form :
                List.of(TOKEN, once, twice, "zQJ1q6Ft5B2yfSjIr5bSE", "Rt4Zr0bWtXWTJWBIAdKUhtw", "43 41 49 53 7A 51")) {
            assertFalse(text.contains(form), "stderr shows the token as " + form + ":\n" + text);
        }
    }

    @Test
    void stsToken_rpcStringToSignEchoed_showsTheRequestWithoutTheToken(EmulatorClients clients) throws Exception {
        try (TamperingProxy proxy = TamperingProxy.addingAParameter(clients.endpoint())) {
            Path file = profile(proxy.endpoint(), "");

            CliRun r = CliRun.run(
                    env(clients.keyId(), clients.secret()),
                    "sts-token",
                    "-p",
                    file.toString(),
                    "--role",
                    "uploader",
                    "--prefix",
                    "users/42");

            assertEquals(1, r.exit(), r.all());
            assertEquals("", r.out());
            CliRun.assertContains(
                    r.err(),
                    "error: GetCallerIdentity failed: SignatureDoesNotMatch: Specified signature is not matched with "
                            + "our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI…Key1%26Action%3DGetCallerIdentity%26");
            CliRun.assertContains(r.err(), "%26SecurityToken%3D…%26");
            assertNoToken(r.err());
            assertFalse(r.err().contains(clients.secret()), r.err());
        }
    }

    @Test
    void stsToken_stacktraceOfTheSdkException_showsNoToken(EmulatorClients clients) throws Exception {
        try (TamperingProxy proxy = TamperingProxy.addingAParameter(clients.endpoint())) {
            Path file = profile(proxy.endpoint(), "");

            CliRun r = CliRun.run(
                    env(clients.keyId(), clients.secret()),
                    "--stacktrace",
                    "sts-token",
                    "-p",
                    file.toString(),
                    "--role",
                    "uploader",
                    "--prefix",
                    "users/42");

            assertEquals(1, r.exit(), r.all());
            CliRun.assertContains(
                    r.err(),
                    "Caused by: com.aliyuncs.exceptions.ClientException: SignatureDoesNotMatch : "
                            + "Specified signature is not matched with our calculation. server string to sign is:POST&%2F&");
            CliRun.assertContains(r.err(), "\tat dev.ossops.cloud.");
            assertNoToken(r.err());
        }
    }

    @Test
    void apply_stacktraceOfAnOssErrorBody_showsNeitherTokenNorSignature() throws Exception {
        try (UnredactedOss oss = new UnredactedOss()) {
            Path file = profile(oss.endpoint(), "lock:\n  bucket: state-bucket\n  key: locks/prod\n");

            CliRun r = CliRun.run(
                    env("STS.NUgYrLnoC2JaUx7HSpkyTcnk", "Xy7kQ2mN9pL4sR8tV1wZ3bC6dF0gH5"),
                    "--stacktrace",
                    "apply",
                    "-p",
                    file.toString(),
                    "--force-unlock",
                    "some-id");

            assertEquals(1, r.exit(), r.all());
            CliRun.assertContains(r.err(), "[ResponseError]:");
            CliRun.assertContains(r.err(), "<OSSAccessKeyId>STS.…Tcnk</OSSAccessKeyId>");
            CliRun.assertContains(r.err(), "<SignatureProvided>…</SignatureProvided>");
            CliRun.assertContains(r.err(), "<StringToSignBytes>…</StringToSignBytes>");
            CliRun.assertContains(r.err(), "x-oss-security-token:…");
            assertTrue(
                    r.err().lines().anyMatch(l -> l.startsWith("Caused by: com.aliyun.oss.OSSException: ")), r.err());
            assertNoToken(r.err());
            assertFalse(r.err().contains("STS.NUgYrLnoC2JaUx7HSpkyTcnk"), r.err());
            assertFalse(r.err().contains("Xy7kQ2mN9pL4sR8tV1wZ3bC6dF0gH5"), r.err());
        }
    }
}
