package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.UploadPartRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Keys XML 1.0 cannot carry (a NUL, a bell, a CR) through every listing with {@code encoding-type=url}, as the
 * SDK asks for it: keys, prefixes and markers come back percent-encoded and decode to the stored keys.
 */
@ExtendWith(EmulatorExtension.class)
class ListingEncodingIT {
    private static final List<String> KEYS = List.of("dir/a\0nul", "dir/b\u0007bell", "dir/c\rreturn", "dir/d plain+x");

    private static String bucketWithKeys(EmulatorClients clients, String hint) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName(hint);
        oss.createBucket(bucket);
        for (String key : KEYS) {
            oss.putObject(bucket, key, new ByteArrayInputStream(new byte[] {1}));
        }
        return bucket;
    }

    /** OSS encodes a plus as %2B, so URL-decoding (where + would mean a space) is exact here. */
    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static List<String> decoded(List<String> encoded) {
        return encoded.stream().map(ListingEncodingIT::decode).toList();
    }

    @Test
    void listObjects_urlEncoded_decodesToTheStoredKeysPageByPage(EmulatorClients clients) {
        String bucket = bucketWithKeys(clients, "enc-v1");
        ObjectListing first = clients.v4()
                .listObjects(new ListObjectsRequest(bucket)
                        .withPrefix("dir/")
                        .withMaxKeys(2)
                        .withEncodingType("url"));
        assertEquals("url", first.getEncodingType());
        assertEquals(
                KEYS.subList(0, 2),
                decoded(first.getObjectSummaries().stream()
                        .map(OSSObjectSummary::getKey)
                        .toList()));
        assertEquals(KEYS.get(1), decode(first.getNextMarker()));
        ObjectListing second = clients.v4()
                .listObjects(new ListObjectsRequest(bucket)
                        .withPrefix("dir/")
                        .withMaxKeys(2)
                        .withMarker(decode(first.getNextMarker()))
                        .withEncodingType("url"));
        assertEquals(
                KEYS.subList(2, 4),
                decoded(second.getObjectSummaries().stream()
                        .map(OSSObjectSummary::getKey)
                        .toList()));
    }

    @Test
    void listObjectsV2_urlEncoded_decodesToTheStoredKeys(EmulatorClients clients) {
        String bucket = bucketWithKeys(clients, "enc-v2");
        ListObjectsV2Request request = new ListObjectsV2Request(bucket);
        request.setEncodingType("url");
        assertEquals(
                KEYS,
                decoded(clients.v4().listObjectsV2(request).getObjectSummaries().stream()
                        .map(OSSObjectSummary::getKey)
                        .toList()));
    }

    @Test
    void listObjectVersions_urlEncoded_isDecodedByTheSdk(EmulatorClients clients) {
        String bucket = bucketWithKeys(clients, "enc-versions");
        clients.v4()
                .setBucketVersioning(
                        new SetBucketVersioningRequest(bucket, new BucketVersioningConfiguration("Enabled")));
        List<String> keys = clients
                .v4()
                .listVersions(new ListVersionsRequest().withBucketName(bucket).withEncodingType("url"))
                .getVersionSummaries()
                .stream()
                .map(v -> v.getKey())
                .toList();
        assertEquals(KEYS, keys);
    }

    @Test
    void listMultipartUploadsAndParts_urlEncoded_decodeToTheKey(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("enc-uploads");
        oss.createBucket(bucket);
        String key = "up/\0half";
        // The SDK's InitiateMultipartUploadRequest has no encoding-type (and cannot parse the raw key): OSS documents
        // it.
        RawRequests.Response initiated = RawRequests.send(
                clients,
                SignVersion.V4,
                "POST",
                bucket,
                key,
                new java.util.LinkedHashMap<>(java.util.Map.of("encoding-type", "url", "uploads", "")),
                java.util.Map.of(),
                null);
        assertEquals(200, initiated.status(), initiated.body());
        assertEquals("url", initiated.element("EncodingType"));
        assertEquals(key, decode(initiated.element("Key")));
        String uploadId = initiated.element("UploadId");
        UploadPartRequest part =
                new UploadPartRequest(bucket, key, uploadId, 1, new ByteArrayInputStream(new byte[] {1}), 1);
        oss.uploadPart(part);
        ListMultipartUploadsRequest uploads = new ListMultipartUploadsRequest(bucket);
        uploads.setEncodingType("url");
        assertEquals(
                List.of(key),
                decoded(oss.listMultipartUploads(uploads).getMultipartUploads().stream()
                        .map(u -> u.getKey())
                        .toList()));
        ListPartsRequest parts = new ListPartsRequest(bucket, key, uploadId);
        parts.setEncodingType("url");
        assertEquals(key, decode(oss.listParts(parts).getKey()));
    }

    /**
     * Without encoding-type, OSS writes the characters raw and the page cannot be parsed: the SDK's
     * own ListObjectsTest (run against OSS) expects exactly this failure, so the emulator keeps it.
     */
    @Test
    void listObjects_withoutEncoding_isUnparsableAsOnOss(EmulatorClients clients) {
        String bucket = bucketWithKeys(clients, "enc-none");
        OSSException e = assertThrows(OSSException.class, () -> clients.v4().listObjects(bucket));
        assertEquals("InvalidResponse", e.getErrorCode());
    }
}
