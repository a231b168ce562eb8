package dev.ossops.emulator.replication;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.AddBucketReplicationRequest;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the replication XML against {@code src/test/resources/golden/emulator/NAME.xml} (dates
 * masked); {@code -Dgolden.update=true} rewrites the files after a deliberate change.
 */
@ExtendWith(EmulatorExtension.class)
class ReplicationGoldenIT {

    /** GET /bucket/?subresource signed by hand with V1, so the raw XML can be compared. */
    private static HttpResponse<String> get(
            EmulatorClients clients, String bucket, String query, String signedSubresource) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(clients.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder()
                .encodeToString(mac.doFinal(("GET\n\n\n" + date + "\n/" + bucket + "/?" + signedSubresource)
                        .getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket + "/?" + query))
                                .header("Date", date)
                                .header("Authorization", "OSS " + clients.keyId() + ":" + signature)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void check(String name, HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        String actual = response.body().replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "DATE");
        GoldenFiles.assertGolden("emulator/" + name + ".xml", actual);
    }

    @Test
    void replicationDocuments_matchGolden(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        oss.createBucket("golden-repl-src");
        oss.createBucket("golden-repl-dst");
        AddBucketReplicationRequest rule = ReplicationIT.rule(
                "golden-repl-src",
                "golden-rule",
                "golden-repl-dst",
                List.of("images/", "docs/"),
                AddBucketReplicationRequest.ReplicationAction.PUT,
                true);
        rule.setSyncRole("oss-replication-role");
        oss.addBucketReplication(rule);
        ReplicationIT.await(
                "the rule to be doing",
                () -> oss.getBucketReplicationProgress("golden-repl-src", "golden-rule")
                                .getHistoricalObjectProgress()
                        == 1.0f);

        check("ReplicationConfiguration", get(clients, "golden-repl-src", "replication", "replication"));
        check("ReplicationLocation", get(clients, "golden-repl-src", "replicationLocation", "replicationLocation"));
        check(
                "ReplicationProgress",
                get(clients, "golden-repl-src", "replicationProgress&rule-id=golden-rule", "replicationProgress"));
    }
}
