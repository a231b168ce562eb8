package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.sun.net.httpserver.HttpServer;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.TestRootKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The one identity check before live state is read (STS GetCallerIdentity), and what apply says about a plan it
 * could not read completely.
 */
@ExtendWith(EmulatorExtension.class)
class IdentityCheckIT {
    @TempDir
    Path dir;

    private Path profile(URI endpoint, String buckets) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, PlanApplyIT.profile(endpoint, buckets), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void plan_wrongSecret_oneErrorNamingTheKeyAndItsSource(URI endpoint) throws IOException {
        Path profile = profile(endpoint, "  ic-one:\n    acl: private\n  ic-two:\n    acl: private\n");
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", TestRootKey.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret");

        CliRun plan = CliRun.run(env, "plan", "-p", profile.toString());

        assertEquals(1, plan.exit(), plan.all());
        assertEquals(
                "error: the AccessKey " + masked()
                        + " from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID was rejected by "
                        + endpoint
                        + " (GetCallerIdentity failed: SDK.InvalidAccessKeySecret: Specified Access Key Secret is not valid.); "
                        + "nothing was read\n",
                plan.err());
        assertFalse(plan.out().contains("No changes"), plan.out());
    }

    @Test
    void export_unknownKeyId_oneErrorNamingTheOssVariable(URI endpoint) throws IOException {
        Path profile = profile(endpoint, "  ic-export:\n    acl: private\n");
        Map<String, String> env =
                Map.of("OSS_ACCESS_KEY_ID", "LTAI5tNoSuchKeyAnywhere1", "OSS_ACCESS_KEY_SECRET", "whatever-secret");

        CliRun export = CliRun.run(
                env,
                "export",
                "-p",
                profile.toString(),
                "--out",
                dir.resolve("out").toString());

        assertEquals(1, export.exit(), export.all());
        assertEquals(
                "error: the AccessKey LTAI…ere1 from environment variable OSS_ACCESS_KEY_ID "
                        + "was rejected by " + endpoint
                        + " (GetCallerIdentity failed: InvalidAccessKeyId.NotFound: Specified access key is not "
                        + "found.); nothing was read\n",
                export.err());
        assertFalse(Files.exists(dir.resolve("out/profile.yaml")));
    }

    @Test
    void plan_httpServerThatIsNotAlibabaCloud_saysWhatAnsweredInstead() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html><body>It works!</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            Path profile = profile(endpoint, "  ic-web:\n    acl: private\n");

            CliRun plan = CliRun.run(PlanApplyIT.ENV, "plan", "-p", profile.toString());

            assertEquals(1, plan.exit(), plan.all());
            assertEquals(
                    "error: cannot confirm who the AccessKey " + masked()
                            + " from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID "
                            + "belongs to: GetCallerIdentity failed: Server response has a bad format type: RAW; is "
                            + endpoint + " an Alibaba Cloud STS endpoint (or an ossops "
                            + "emulator)? Nothing was read\n",
                    plan.err());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void apply_incompletePlan_listsWhatCouldNotBeRead(URI endpoint, OSS oss) throws IOException, ClientException {
        oss.createBucket("ic-unread");
        Path profile = profile(endpoint, "  ic-unread:\n    acl: private\n    versioning: Enabled\n");
        CreateAccessKeyResponse.AccessKey key = userWithoutPolicies(endpoint, "ic-nobody");
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                key.getAccessKeyId(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                key.getAccessKeySecret());

        CliRun apply = CliRun.run(env, "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(1, apply.exit(), apply.all());
        assertEquals(
                "error: the plan is incomplete, so nothing was changed; these could not be read:\n"
                        + "  bucket.ic-unread: GetBucketInfo ic-unread failed: AccessDenied: The bucket you access does not belong "
                        + "to you. (request id REQ)\n",
                apply.err().replaceAll("request id [^)]+", "request id REQ"),
                apply.out());
        // Never enabled: OSS answers without a Status, and the SDK reports none.
        assertNull(oss.getBucketVersioning("ic-unread").getStatus());
    }

    private static String masked() {
        return TestRootKey.ID.substring(0, 4) + "…" + TestRootKey.ID.substring(TestRootKey.ID.length() - 4);
    }

    /** A RAM user with an AccessKey and no policy: it may ask who it is, and read nothing. */
    private static CreateAccessKeyResponse.AccessKey userWithoutPolicies(URI endpoint, String name)
            throws ClientException {
        IAcsClient ram =
                new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", TestRootKey.ID, TestRootKey.SECRET));
        try {
            CreateUserRequest user = new CreateUserRequest();
            user.setUserName(name);
            send(user, endpoint);
            ram.getAcsResponse(user);
            CreateAccessKeyRequest key = new CreateAccessKeyRequest();
            key.setUserName(name);
            send(key, endpoint);
            return ram.getAcsResponse(key).getAccessKey();
        } finally {
            ram.shutdown();
        }
    }

    private static void send(com.aliyuncs.AcsRequest<?> request, URI endpoint) {
        request.setSysEndpoint(endpoint.getAuthority());
        request.setSysProtocol(ProtocolType.HTTP);
    }
}
