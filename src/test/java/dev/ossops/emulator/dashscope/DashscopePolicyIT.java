package dev.ossops.emulator.dashscope;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.ObjectPermission;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The getPolicy endpoint over HTTP, and its policies used with the emulator's own PostObject. */
@ExtendWith(EmulatorExtension.class)
class DashscopePolicyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + DashscopeConfig.DEFAULT_API_KEY;
    private static final String BUCKET = "dashscope-file-" + EmulatorDefaults.ACCOUNT_ID;

    @Test
    void getPolicy_defaultKey_returnsDocumentedFields(URI endpoint) throws Exception {
        HttpResponse<String> r = DashscopeHttp.getPolicy(endpoint, BEARER, "action=getPolicy&model=qwen-vl-plus");

        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.path("request_id").asText().matches("[0-9a-f-]{36}"), r.body());
        JsonNode data = body.get("data");
        assertEquals(
                List.of(
                        "policy",
                        "signature",
                        "upload_dir",
                        "upload_host",
                        "expire_in_seconds",
                        "max_file_size_mb",
                        "capacity_limit_mb",
                        "oss_access_key_id",
                        "x_oss_object_acl",
                        "x_oss_forbid_overwrite"),
                iterable(data.fieldNames()));
        assertTrue(
                data.get("upload_dir")
                        .asText()
                        .matches("dashscope-instant/qwen-vl-plus/\\d{4}-\\d{2}-\\d{2}/[0-9a-f-]{36}"),
                data.get("upload_dir").asText());
        assertEquals(endpoint + "/" + BUCKET, data.get("upload_host").asText());
        assertEquals(300, data.get("expire_in_seconds").asInt());
        assertEquals(100, data.get("max_file_size_mb").asInt());
        assertEquals("LTAI5tOssopsDashScopeSys", data.get("oss_access_key_id").asText());
        assertEquals("private", data.get("x_oss_object_acl").asText());
        assertEquals("true", data.get("x_oss_forbid_overwrite").asText());
        JsonNode policy =
                JSON.readTree(Base64.getDecoder().decode(data.get("policy").asText()));
        assertEquals(
                "[[\"content-length-range\",0,104857600],[\"starts-with\",\"$key\",\""
                        + data.get("upload_dir").asText() + "/\"],{\"bucket\":\"" + BUCKET
                        + "\"},{\"x-oss-object-acl\":\"private\"},{\"x-oss-forbid-overwrite\":\"true\"}]",
                policy.get("conditions").toString());
    }

    @Test
    void getPolicy_wrongKey_401InvalidApiKey(URI endpoint) throws Exception {
        HttpResponse<String> r =
                DashscopeHttp.getPolicy(endpoint, "Bearer sk-not-a-key", "action=getPolicy&model=qwen-vl-plus");

        assertEquals(401, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals("InvalidApiKey", body.get("code").asText());
        assertEquals("Invalid API-key provided.", body.get("message").asText());
        assertTrue(body.get("request_id").asText().matches("[0-9a-f-]{36}"));
        assertTrue(!r.body().contains("sk-not-a-key"), r.body());
    }

    @Test
    void getPolicy_noModel_400InvalidParameter(URI endpoint) throws Exception {
        HttpResponse<String> r = DashscopeHttp.getPolicy(endpoint, BEARER, "action=getPolicy");

        assertEquals(400, r.statusCode());
        assertEquals("InvalidParameter: Required parameter 'model' missing.", codeAndMessage(r));
    }

    @Test
    void getPolicy_unknownModel_400ModelNotExist(URI endpoint) throws Exception {
        HttpResponse<String> r = DashscopeHttp.getPolicy(endpoint, BEARER, "action=getPolicy&model=no-such-model");

        assertEquals(400, r.statusCode());
        assertEquals("InvalidParameter: Model not exist.", codeAndMessage(r));
    }

    @Test
    void getPolicy_withoutBearer_isAnOssRequestForBucketApi(URI endpoint, EmulatorClients oss) throws Exception {
        // A bucket named "api" holding "v1/uploads": without a bearer token the path is OSS's.
        oss.v4().createBucket("api");
        oss.v4().putObject("api", "v1/uploads", new ByteArrayInputStream("object".getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> r = DashscopeHttp.getPolicy(endpoint, null, "action=getPolicy&model=qwen-vl-plus");

        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("<Code>AccessDenied</Code>"), r.body());
        assertEquals(
                "object",
                new String(
                        oss.v4()
                                .getObject("api", "v1/uploads")
                                .getObjectContent()
                                .readAllBytes(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void postObject_withIssuedPolicy_storesPrivateObjectWithExpiryRule(URI endpoint, EmulatorClients oss)
            throws Exception {
        JsonNode data = policy(endpoint, BEARER, "qwen-vl-plus");
        String key = data.get("upload_dir").asText() + "/cat.png";

        HttpResponse<String> r =
                DashscopeHttp.postForm(data.get("upload_host").asText(), form(data, key), bytes("cat"));

        assertEquals(200, r.statusCode(), r.body());
        OSS client = oss.v4();
        assertArrayEquals(
                bytes("cat"), client.getObject(BUCKET, key).getObjectContent().readAllBytes());
        assertEquals(ObjectPermission.Private, client.getObjectAcl(BUCKET, key).getPermission());
        LifecycleRule rule = client.getBucketLifecycle(BUCKET).get(0);
        assertEquals("dashscope-instant/", rule.getPrefix());
        assertEquals(2, rule.getExpirationDays());
    }

    @Test
    void postObject_sameKeyTwice_forbidOverwriteRefusesSecond(URI endpoint) throws Exception {
        JsonNode data = policy(endpoint, BEARER, "qwen-vl-plus");
        String key = data.get("upload_dir").asText() + "/twice.txt";
        assertEquals(
                200,
                DashscopeHttp.postForm(data.get("upload_host").asText(), form(data, key), bytes("one"))
                        .statusCode());

        HttpResponse<String> second =
                DashscopeHttp.postForm(data.get("upload_host").asText(), form(data, key), bytes("two"));

        assertEquals(409, second.statusCode(), second.body());
        assertTrue(second.body().contains("<Code>FileAlreadyExists</Code>"), second.body());
    }

    @Test
    void postObject_keyOutsideUploadDir_refusedByPolicy(URI endpoint) throws Exception {
        JsonNode data = policy(endpoint, BEARER, "qwen-vl-plus");

        HttpResponse<String> r = DashscopeHttp.postForm(
                data.get("upload_host").asText(), form(data, "dashscope-instant/elsewhere/cat.png"), bytes("cat"));

        assertEquals(403, r.statusCode(), r.body());
        assertTrue(r.body().contains("<Code>AccessDenied</Code>"), r.body());
    }

    @Test
    void postObject_overModelLimit_entityTooLarge(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir)
                .dashscope(new DashscopeConfig(Set.of("sk-tiny-key-12345678"), Map.of("tiny-model", 1), 100))
                .build();
        try (Emulator emulator = new Emulator(config).start()) {
            JsonNode data = policy(emulator.endpoint(), "Bearer sk-tiny-key-12345678", "tiny-model");

            HttpResponse<String> r = DashscopeHttp.postForm(
                    data.get("upload_host").asText(),
                    form(data, data.get("upload_dir").asText() + "/big.bin"),
                    new byte[1024 * 1024 + 1]);

            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("<Code>EntityTooLarge</Code>"), r.body());
        }
    }

    @Test
    void getPolicy_overRateQuota_429ThrottlingRateQuota(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir)
                .dashscope(new DashscopeConfig(
                        Set.of("sk-slow-key-12345678"), Map.of("qwen-vl-plus", 100, "qwen-vl-max", 100), 2))
                .build();
        try (Emulator emulator = new Emulator(config).start()) {
            String bearer = "Bearer sk-slow-key-12345678";
            // Three requests in well under a second: the limit of two lets the first two through.
            int first = DashscopeHttp.getPolicy(emulator.endpoint(), bearer, "action=getPolicy&model=qwen-vl-plus")
                    .statusCode();
            int second = DashscopeHttp.getPolicy(emulator.endpoint(), bearer, "action=getPolicy&model=qwen-vl-plus")
                    .statusCode();
            HttpResponse<String> third =
                    DashscopeHttp.getPolicy(emulator.endpoint(), bearer, "action=getPolicy&model=qwen-vl-plus");
            HttpResponse<String> otherModel =
                    DashscopeHttp.getPolicy(emulator.endpoint(), bearer, "action=getPolicy&model=qwen-vl-max");

            assertEquals(
                    List.of(200, 200, 429, 200), List.of(first, second, third.statusCode(), otherModel.statusCode()));
            assertEquals(
                    "Throttling.RateQuota: Requests rate limit exceeded, please try again later.",
                    codeAndMessage(third));
        }
    }

    private static JsonNode policy(URI endpoint, String bearer, String model) throws Exception {
        HttpResponse<String> r = DashscopeHttp.getPolicy(endpoint, bearer, "action=getPolicy&model=" + model);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("data");
    }

    /** The form DashScope's samples post. */
    private static Map<String, String> form(JsonNode data, String key) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("OSSAccessKeyId", data.get("oss_access_key_id").asText());
        f.put("Signature", data.get("signature").asText());
        f.put("policy", data.get("policy").asText());
        f.put("x-oss-object-acl", data.get("x_oss_object_acl").asText());
        f.put("x-oss-forbid-overwrite", data.get("x_oss_forbid_overwrite").asText());
        f.put("key", key);
        f.put("success_action_status", "200");
        return f;
    }

    private static String codeAndMessage(HttpResponse<String> r) throws Exception {
        JsonNode body = JSON.readTree(r.body());
        return body.get("code").asText() + ": " + body.get("message").asText();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
