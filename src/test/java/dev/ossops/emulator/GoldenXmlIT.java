package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import dev.ossops.GoldenFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the XML the emulator answers with against {@code src/test/resources/golden/emulator/NAME.xml}.
 * Request ids, timestamps, upload and version ids and the port are masked. Run with
 * {@code -Dgolden.update=true} to rewrite the files after a deliberate change, then review the diff.
 */
@ExtendWith(EmulatorExtension.class)
class GoldenXmlIT {
    private static final String B = "golden-bucket";
    private static final String MPU = "golden-uploads";

    @BeforeAll
    static void fill(EmulatorClients clients) {
        OSS oss = clients.v4();
        oss.createBucket(B);
        for (String k : new String[] {"a.txt", "dir/b.txt", "dir/c.txt", "e & f.txt"}) {
            oss.putObject(B, k, new ByteArrayInputStream(k.getBytes(StandardCharsets.UTF_8)));
        }
        oss.setObjectTagging(B, "a.txt", Map.of("env", "dev", "team", "media"));
        oss.createBucket(MPU);
        oss.createBucket("golden-versions");
        oss.setBucketVersioning(
                new SetBucketVersioningRequest("golden-versions", new BucketVersioningConfiguration("Enabled")));
        oss.putObject("golden-versions", "k", new ByteArrayInputStream(new byte[] {1}));
        oss.deleteObject("golden-versions", "k");
    }

    private static RawRequests.Response get(
            EmulatorClients clients, String bucket, String key, Map<String, String> params) {
        return RawRequests.send(clients, SignVersion.V4, "GET", bucket, key, params, Map.of(), null);
    }

    private static Map<String, String> sub(String name) {
        return Collections.singletonMap(name, null);
    }

    static String mask(String xml) {
        return xml.replaceAll("<RequestId>[0-9A-F]{24}</RequestId>", "<RequestId>MASKED</RequestId>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "DATE")
                .replaceAll("<UploadId>[0-9A-F]{32}</UploadId>", "<UploadId>UPLOADID</UploadId>")
                .replaceAll(
                        "<NextUploadIdMarker>[0-9A-F]{32}</NextUploadIdMarker>",
                        "<NextUploadIdMarker>UPLOADID</NextUploadIdMarker>")
                .replaceAll("<LastModifiedTime>\\d+</LastModifiedTime>", "<LastModifiedTime>SECONDS</LastModifiedTime>")
                .replaceAll("CAEQ[A-Za-z0-9_-]{60}", "VERSIONID")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    private static void check(String name, RawRequests.Response response) throws IOException {
        String actual = mask(response.body());
        GoldenFiles.assertGolden("emulator/" + name + ".xml", actual);
        assertEquals("application/xml", response.header("Content-Type"));
    }

    @Test
    void listBuckets_matchesGolden(EmulatorClients clients) throws IOException {
        check("ListAllMyBucketsResult", get(clients, null, null, Map.of("prefix", "golden-b")));
    }

    @Test
    void listObjects_delimiter_matchesGolden(EmulatorClients clients) throws IOException {
        check("ListBucketResult-delimiter", get(clients, B, null, Map.of("delimiter", "/", "max-keys", "2")));
    }

    @Test
    void listObjectsV2_urlEncoded_matchesGolden(EmulatorClients clients) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("list-type", "2");
        params.put("encoding-type", "url");
        params.put("fetch-owner", "true");
        check("ListBucketResult-v2", get(clients, B, null, params));
    }

    @Test
    void listVersions_withDeleteMarker_matchesGolden(EmulatorClients clients) throws IOException {
        check("ListVersionsResult", get(clients, "golden-versions", null, sub("versions")));
    }

    @Test
    void bucketInfoAclStatAndVersioning_matchGolden(EmulatorClients clients) throws IOException {
        check("BucketInfo", get(clients, B, null, sub("bucketInfo")));
        check("AccessControlPolicy", get(clients, B, null, sub("acl")));
        check("BucketStat", get(clients, B, null, sub("stat")));
        check("LocationConstraint", get(clients, B, null, sub("location")));
        check("VersioningConfiguration", get(clients, "golden-versions", null, sub("versioning")));
    }

    @Test
    void objectTagging_matchesGolden(EmulatorClients clients) throws IOException {
        check("Tagging", get(clients, B, "a.txt", sub("tagging")));
    }

    @Test
    void multipart_matchesGolden(EmulatorClients clients) throws IOException {
        RawRequests.Response initiate =
                RawRequests.send(clients, SignVersion.V4, "POST", MPU, "mp", sub("uploads"), Map.of(), null);
        check("InitiateMultipartUploadResult", initiate);
        String uploadId = initiate.element("UploadId");
        RawRequests.send(
                clients,
                SignVersion.V4,
                "PUT",
                MPU,
                "mp",
                Map.of("uploadId", uploadId, "partNumber", "1"),
                Map.of(),
                "part".getBytes(StandardCharsets.UTF_8));
        check("ListPartsResult", get(clients, MPU, "mp", Map.of("uploadId", uploadId)));
        check("ListMultipartUploadsResult", get(clients, MPU, null, sub("uploads")));
        String complete =
                "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"4C5A8C3F1A2B0C0CB3F1F1C4D6C8B4E1\"</ETag>"
                        + "</Part></CompleteMultipartUpload>";
        check(
                "Error-InvalidPart",
                RawRequests.send(
                        clients,
                        SignVersion.V4,
                        "POST",
                        MPU,
                        "mp",
                        Map.of("uploadId", uploadId),
                        Map.of(),
                        complete.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void errors_matchGolden(EmulatorClients clients) throws IOException {
        check("Error-NoSuchKey", get(clients, B, "missing.txt", Map.of()));
        check("Error-NoSuchBucket", get(clients, "golden-missing", null, Map.of()));
        check(
                "Error-InvalidAccessKeyId",
                RawRequests.send(
                        clients,
                        SignVersion.V1,
                        "LTAI5tNotAKnownKeyId0000",
                        "secret",
                        "GET",
                        B,
                        null,
                        Map.of(),
                        Map.of(),
                        null));
        // Another account's root on this account's bucket: OSS's bucket message and its AccessDeniedDetail.
        check(
                "Error-AccessDenied-OtherAccount",
                RawRequests.send(
                        clients,
                        SignVersion.V4,
                        EmulatorClients.OTHER_ROOT_KEY_ID,
                        EmulatorClients.OTHER_ROOT_KEY_SECRET,
                        "GET",
                        B,
                        null,
                        sub("acl"),
                        Map.of(),
                        null));
    }
}
