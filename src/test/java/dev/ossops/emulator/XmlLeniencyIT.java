package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketReferer;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.DeleteObjectsResult;
import com.aliyun.oss.model.DeleteVersionsRequest;
import com.aliyun.oss.model.DeleteVersionsResult;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request bodies OSS reads more leniently than XML 1.0, because the official SDK sends them
 * that way: object keys with raw control characters in DeleteMultipleObjects/DeleteVersions (the
 * SDK escapes only tab, CR, LF and markup) and a bare {@code &} in PutBucketReferer (the SDK does
 * not escape referers). A DOCTYPE stays refused.
 */
@ExtendWith(EmulatorExtension.class)
class XmlLeniencyIT {
    private static final List<String> CONTROL_KEYS = List.of("ctl-\u0001\u0007", "ctl-\u0002\u0007", "ctl-\u001f");

    private static void put(OSS oss, String bucket, String key) {
        oss.putObject(bucket, key, new ByteArrayInputStream(new byte[] {1}));
    }

    @Test
    void deleteObjects_keysWithRawControlCharacters_areDeleted(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("ctl-delete");
        oss.createBucket(bucket);
        CONTROL_KEYS.forEach(k -> put(oss, bucket, k));

        DeleteObjectsRequest request =
                new DeleteObjectsRequest(bucket).withKeys(CONTROL_KEYS).withQuiet(false);
        request.setEncodingType("url");
        DeleteObjectsResult result = oss.deleteObjects(request);

        assertEquals("url", result.getEncodingType());
        assertEquals(
                CONTROL_KEYS,
                result.getDeletedObjects().stream()
                        .map(k -> URLDecoder.decode(k, StandardCharsets.UTF_8))
                        .sorted()
                        .toList());
        List<OSSObjectSummary> left = oss.listObjects(bucket).getObjectSummaries();
        assertTrue(left.isEmpty(), () -> "left: " + left);
    }

    @Test
    void deleteVersions_keyWithRawControlCharacter_deletesEveryVersion(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("ctl-versions");
        oss.createBucket(bucket);
        oss.setBucketVersioning(new SetBucketVersioningRequest(bucket, new BucketVersioningConfiguration("Enabled")));
        String key = "ctl-\u0001-versioned";
        put(oss, bucket, key);
        put(oss, bucket, key);
        List<DeleteVersionsRequest.KeyVersion> versions = oss
                .listVersions(new ListVersionsRequest().withBucketName(bucket).withEncodingType("url"))
                .getVersionSummaries()
                .stream()
                .map(v -> new DeleteVersionsRequest.KeyVersion(
                        URLDecoder.decode(v.getKey(), StandardCharsets.UTF_8), v.getVersionId()))
                .toList();
        assertEquals(2, versions.size());

        // The SDK always asks for url-encoded keys in this answer (Encoding-type header).
        DeleteVersionsResult result = oss.deleteVersions(
                new DeleteVersionsRequest(bucket).withKeys(versions).withQuiet(false));

        assertEquals(
                List.of(key, key),
                result.getDeletedVersions().stream()
                        .map(d -> URLDecoder.decode(d.getKey(), StandardCharsets.UTF_8))
                        .toList());

        assertTrue(oss.listVersions(new ListVersionsRequest().withBucketName(bucket))
                .getVersionSummaries()
                .isEmpty());
    }

    @Test
    void setBucketReferer_bareAmpersand_isStoredAsText(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("amp-referer");
        oss.createBucket(bucket);
        String referer = "https://www.example.com/?a=1&&b=%%#@}{";
        BucketReferer config = new BucketReferer(true, List.of(referer, "https://*.example.net"));
        config.setBlackRefererList(List.of("http://bad.example.com/?x&y"));

        oss.setBucketReferer(bucket, config);

        BucketReferer got = oss.getBucketReferer(bucket);
        assertEquals(List.of(referer, "https://*.example.net"), got.getRefererList());
        assertEquals(List.of("http://bad.example.com/?x&y"), got.getBlackRefererList());
    }

    @Test
    void putBucketReferer_doctype_isStillMalformedXml(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("doctype-referer");
        oss.createBucket(bucket);
        String body = "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><RefererConfiguration>"
                + "<AllowEmptyReferer>true</AllowEmptyReferer><RefererList><Referer>&e;</Referer></RefererList>"
                + "</RefererConfiguration>";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("referer", null);

        RawRequests.Response response = RawRequests.send(
                clients, SignVersion.V4, "PUT", bucket, null, params, Map.of(), body.getBytes(StandardCharsets.UTF_8));

        assertEquals(400, response.status());
        assertEquals("MalformedXML", response.element("Code"));
        assertTrue(oss.getBucketReferer(bucket).getRefererList().isEmpty());
    }
}
