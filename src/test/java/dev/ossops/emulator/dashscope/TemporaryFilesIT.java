package dev.ossops.emulator.dashscope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.TestRootKey;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Temporary files live 48 hours: the next policy request after that finds them gone. */
class TemporaryFilesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = "Bearer " + DashscopeConfig.DEFAULT_API_KEY;

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    @Test
    void sweep_after48Hours_deletesFile(@TempDir Path dir) throws Exception {
        MovableClock clock = new MovableClock();
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir)
                .rootKey(TestRootKey.KEY)
                .build();
        try (Emulator emulator =
                new Emulator(config, id -> Optional.empty(), BucketConfigRegistry.defaults(), clock).start()) {
            JsonNode data = policy(emulator.endpoint());
            String key = data.get("upload_dir").asText() + "/cat.png";
            Map<String, String> form = new LinkedHashMap<>();
            form.put("OSSAccessKeyId", data.get("oss_access_key_id").asText());
            form.put("Signature", data.get("signature").asText());
            form.put("policy", data.get("policy").asText());
            form.put("x-oss-object-acl", "private");
            form.put("x-oss-forbid-overwrite", "true");
            form.put("key", key);
            form.put("success_action_status", "200");
            assertEquals(
                    200,
                    DashscopeHttp.postForm(
                                    data.get("upload_host").asText(), form, "cat".getBytes(StandardCharsets.UTF_8))
                            .statusCode());
            String url = data.get("upload_host").asText() + "/" + key;
            String resource = "/dashscope-file-" + EmulatorDefaults.ACCOUNT_ID + "/" + key;

            clock.advance(Duration.ofHours(48).minusSeconds(1));
            policy(emulator.endpoint());
            int before = rootGet(url, resource, clock.instant());
            clock.advance(Duration.ofSeconds(1));
            policy(emulator.endpoint());
            int after = rootGet(url, resource, clock.instant());

            assertEquals(200, before);
            assertEquals(404, after);
        }
    }

    private static JsonNode policy(URI endpoint) throws Exception {
        HttpResponse<String> r = DashscopeHttp.getPolicy(endpoint, BEARER, "action=getPolicy&model=qwen-vl-plus");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("data");
    }

    /**
     * A GET signed with V1 by the root key, dated by the emulator's moved clock (an SDK would date
     * it by the real clock and be refused as skewed).
     */
    private static int rootGet(String url, String resource, Instant now) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TestRootKey.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder()
                .encodeToString(mac.doFinal(("GET\n\n\n" + date + "\n" + resource).getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .GET()
                .header("Date", date)
                .header("Authorization", "OSS " + TestRootKey.ID + ":" + signature)
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
