package dev.ossops.emulator.cors;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.oss.model.SetBucketLoggingRequest;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GetBucketInfo reports the stored encryption and logging configurations. (Kept beside the CORS
 * tests: both read configuration documents stored with the bucket.)
 */
@ExtendWith(EmulatorExtension.class)
class BucketInfoConfigIT {

    @Test
    void getBucketInfo_storedEncryption_isReported(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("info-sse");
        oss.createBucket(bucket);
        ServerSideEncryptionByDefault byDefault = new ServerSideEncryptionByDefault().withSSEAlgorithm("KMS");
        byDefault.setKMSMasterKeyID("key-123");
        oss.setBucketEncryption(new SetBucketEncryptionRequest(
                bucket, new ServerSideEncryptionConfiguration().withApplyServerSideEncryptionByDefault(byDefault)));

        BucketInfo info = oss.getBucketInfo(bucket);
        assertEquals(
                "KMS",
                info.getServerSideEncryptionConfiguration()
                        .getApplyServerSideEncryptionByDefault()
                        .getSSEAlgorithm());
        assertEquals(
                "key-123",
                info.getServerSideEncryptionConfiguration()
                        .getApplyServerSideEncryptionByDefault()
                        .getKMSMasterKeyID());
    }

    @Test
    void getBucketInfo_noEncryption_reportsNone(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("info-none");
        oss.createBucket(bucket);
        assertEquals(
                "None",
                oss.getBucketInfo(bucket)
                        .getServerSideEncryptionConfiguration()
                        .getApplyServerSideEncryptionByDefault()
                        .getSSEAlgorithm());
    }

    @Test
    void getBucketInfo_storedLogging_isReportedInBucketPolicy(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("info-log");
        String target = clients.bucketName("info-log-target");
        oss.createBucket(bucket);
        oss.createBucket(target);
        SetBucketLoggingRequest logging = new SetBucketLoggingRequest(bucket);
        logging.setTargetBucket(target);
        logging.setTargetPrefix("access/");
        oss.setBucketLogging(logging);
        // The SDK's BucketInfo drops LogBucket/LogPrefix, so read the XML: make the bucket readable and fetch it.
        String xml = signedGetBucketInfo(clients, bucket);
        assertTrue(
                xml.contains("<BucketPolicy><LogBucket>" + target
                        + "</LogBucket><LogPrefix>access/</LogPrefix></BucketPolicy>"),
                xml);
    }

    @Test
    void putBucketLogging_missingTargetBucket_isInvalidTargetBucketForLogging(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("log-missing");
        oss.createBucket(bucket);
        String missing = clients.bucketName("log-absent");
        SetBucketLoggingRequest logging = new SetBucketLoggingRequest(bucket);
        logging.setTargetBucket(missing);
        com.aliyun.oss.OSSException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.aliyun.oss.OSSException.class, () -> oss.setBucketLogging(logging));
        assertEquals("InvalidTargetBucketForLogging", e.getErrorCode());
        assertEquals("put bucket log requester is not target bucket owner.", e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>0032-00000008</EC>"), e.getRawResponseError());
        assertTrue(
                e.getRawResponseError().contains("<TargetBucket>" + missing + "</TargetBucket>"),
                e.getRawResponseError());
    }

    @Test
    void getBucketInfo_replicationRules_reportCrossRegionReplicationEnabled(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("info-repl");
        String target = clients.bucketName("info-repl-target");
        oss.createBucket(bucket);
        oss.createBucket(target);
        assertEquals("Disabled", oss.getBucketInfo(bucket).getCrossRegionReplication());
        com.aliyun.oss.model.AddBucketReplicationRequest rule =
                new com.aliyun.oss.model.AddBucketReplicationRequest(bucket);
        rule.setTargetBucketName(target);
        rule.setTargetBucketLocation("oss-cn-shanghai");
        oss.addBucketReplication(rule);
        assertEquals("Enabled", oss.getBucketInfo(bucket).getCrossRegionReplication());
    }

    /** GetBucketInfo signed by hand with V1 (Authorization: OSS id:signature), so the raw XML can be read. */
    private static String signedGetBucketInfo(EmulatorClients clients, String bucket) throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String stringToSign = "GET\n\n\n" + date + "\n/" + bucket + "/?bucketInfo";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(clients.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature =
                Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket + "/?bucketInfo"))
                                .header("Date", date)
                                .header("Authorization", "OSS " + clients.keyId() + ":" + signature)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
