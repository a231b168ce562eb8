package dev.ossops.upload.e2e;

import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectPermission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof 2: the fields printed by {@code ossops post-policy} let a browser-style multipart form
 * upload a file under the prefix, and the emulator's PostObject refuses what the policy forbids.
 */
@ExtendWith(EmulatorExtension.class)
class PostPolicyE2eIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 4096;

    private final EmulatorClients clients;
    private final String bucket;

    PostPolicyE2eIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("post");
        clients.v4().createBucket(bucket);
    }

    private JsonNode postPolicy(String sign) throws Exception {
        E2e.Run r = E2e.ossops(
                E2e.rootEnv(clients.emulator(), bucket),
                "post-policy",
                "--prefix",
                "p/",
                "--max-size",
                String.valueOf(MAX),
                "--expires",
                "600",
                "--sign",
                sign);
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                "warning: the uploader has no allowedContentTypes, so the form accepts any type, HTML included, served from "
                        + "the bucket's own domain; list the types the browser may upload\n",
                r.err());
        return JSON.readTree(r.out());
    }

    /** post-policy from a profile on the emulator whose uploader allows PNG and JPEG only. */
    private JsonNode pinnedPolicy(Path dir) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        Files.writeString(
                profile,
                "apiVersion: ossops/v1\nkind: Profile\nname: pinned\nregion: " + clients.region()
                        + "\nendpoint: " + clients.endpoint() + "\nuploader:\n  bucket: " + bucket
                        + "\n  allowedContentTypes: [image/png, image/jpeg]\n");
        E2e.Run r = E2e.ossops(
                Map.of(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID",
                        clients.keyId(),
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                        clients.secret()),
                "post-policy",
                "-p",
                profile.toString(),
                "--prefix",
                "p/",
                "--max-size",
                String.valueOf(MAX));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void postPolicy_publicReadOrHtml_isRefusedAndNothingStored(@TempDir Path dir) throws Exception {
        JsonNode policy = pinnedPolicy(dir);
        URI url = URI.create(policy.get("url").asText());

        HttpResponse<String> publicHtml = form(policy, "p/page.html")
                .field("x-oss-object-acl", "public-read")
                .field("Content-Type", "text/html")
                .field("x-oss-content-type", "text/html")
                .post(url, "page.html", "text/html", bytes(10, 1));
        HttpResponse<String> htmlField = form(policy, "p/field.html")
                .field("Content-Type", "text/html")
                .post(url, "field.html", "text/html", bytes(10, 2));
        HttpResponse<String> htmlType = form(policy, "p/typed.html")
                .field("x-oss-content-type", "text/html")
                .post(url, "typed.html", "text/html", bytes(10, 3));

        assertEquals(403, publicHtml.statusCode(), publicHtml.body());
        assertTrue(
                publicHtml
                        .body()
                        .contains("<Message>Invalid according to Policy: Policy Condition failed: "
                                + "[\"eq\", \"$x-oss-object-acl\", \"private\"]</Message>"),
                publicHtml.body());
        for (HttpResponse<String> html : List.of(htmlField, htmlType)) {
            assertEquals(403, html.statusCode(), html.body());
            assertTrue(
                    html.body()
                            .contains("<Message>Invalid according to Policy: Policy Condition failed: "
                                    + "[\"in\", \"$x-oss-content-type\", [\"image/png\", \"image/jpeg\"]]</Message>"),
                    html.body());
        }
        for (String key : List.of("p/page.html", "p/field.html", "p/typed.html")) {
            assertFalse(clients.v4().doesObjectExist(bucket, key), key);
        }
    }

    @Test
    void postPolicy_listedTypeFromTheBrowser_isStoredPrivateWithThatType(@TempDir Path dir) throws Exception {
        JsonNode policy = pinnedPolicy(dir);
        assertEquals(
                "[\"image/png\",\"image/jpeg\"]", policy.get("content_types").toString());
        assertEquals("private", policy.get("fields").get("x-oss-object-acl").asText());
        byte[] content = bytes(100, 4);

        HttpResponse<String> response = form(policy, "p/photo.png")
                .field("x-oss-content-type", "image/png")
                .post(URI.create(policy.get("url").asText()), "photo.png", "image/png", content);

        assertEquals(204, response.statusCode(), response.body());
        assertArrayEquals(content, stored("p/photo.png"));
        assertEquals(
                "image/png",
                clients.v4().getObjectMetadata(bucket, "p/photo.png").getContentType());
        assertEquals(
                ObjectPermission.Private,
                clients.v4().getObjectAcl(bucket, "p/photo.png").getPermission());
    }

    private static Form form(JsonNode policy, String key) {
        Form form = new Form();
        policy.get("fields")
                .properties()
                .forEach(f -> form.field(f.getKey(), f.getValue().asText()));
        return form.field("key", key);
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private byte[] stored(String key) throws Exception {
        try (OSSObject o = clients.v4().getObject(bucket, key);
                InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v4"})
    void postPolicy_formUploadUnderThePrefix_storesTheFileByteExact(String sign) throws Exception {
        JsonNode policy = postPolicy(sign);
        byte[] content = bytes(MAX, 7);
        String key = "p/" + sign + "/photo.bin";

        HttpResponse<String> response =
                form(policy, key).post(URI.create(policy.get("url").asText()), "photo.bin", content);

        assertEquals(204, response.statusCode(), response.body());
        assertArrayEquals(content, stored(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v4"})
    void postPolicy_fileLargerThanMaxSize_isEntityTooLarge(String sign) throws Exception {
        JsonNode policy = postPolicy(sign);
        String key = "p/" + sign + "/too-large.bin";

        HttpResponse<String> response =
                form(policy, key).post(URI.create(policy.get("url").asText()), "too-large.bin", bytes(MAX + 1, 8));

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("<Code>EntityTooLarge</Code>"), response.body());
        assertTrue(response.body().contains("<MaxSizeAllowed>" + MAX + "</MaxSizeAllowed>"), response.body());
        assertFalse(clients.v4().doesObjectExist(bucket, key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v4"})
    void postPolicy_keyOutsideThePrefix_isAccessDenied(String sign) throws Exception {
        JsonNode policy = postPolicy(sign);
        String key = "elsewhere/" + sign + ".bin";

        HttpResponse<String> response =
                form(policy, key).post(URI.create(policy.get("url").asText()), "x.bin", bytes(10, 9));

        assertEquals(403, response.statusCode(), response.body());
        assertTrue(
                response.body()
                        .contains(
                                "<Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: "
                                        + "[\"starts-with\", \"$key\", \"p/\"]</Message>"),
                response.body());
        assertFalse(clients.v4().doesObjectExist(bucket, key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v4"})
    void postPolicy_sameKeyTwice_isRefusedByForbidOverwrite(String sign) throws Exception {
        JsonNode policy = postPolicy(sign);
        String key = "p/" + sign + "/once.bin";
        byte[] first = bytes(100, 10);
        assertEquals(
                204,
                form(policy, key)
                        .post(URI.create(policy.get("url").asText()), "once.bin", first)
                        .statusCode());

        HttpResponse<String> again =
                form(policy, key).post(URI.create(policy.get("url").asText()), "once.bin", bytes(100, 11));

        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.body().contains("<Code>FileAlreadyExists</Code>"), again.body());
        assertArrayEquals(first, stored(key));
    }
}
