package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import dev.ossops.emulator.http.RawSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request documents (configuration XML and JSON) are read only after the request is authorized,
 * never beyond their API's size cap, and parsed with a nesting limit.
 */
@ExtendWith(EmulatorExtension.class)
class RequestDocumentIT {
    private static String deeplyNested(String root, int depth) {
        return "<" + root + ">" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</" + root + ">";
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        return start < 0 || end < 0 ? null : xml.substring(start + name.length() + 2, end);
    }

    @Test
    void putBucket_unsigned_isDeniedBeforeItsXmlIsParsed(EmulatorClients clients) throws IOException {
        String bucket = clients.bucketName("unsigned");
        String xml = deeplyNested("CreateBucketConfiguration", 120_000);
        try (RawSocket anonymous = new RawSocket(clients.endpoint().getPort())) {
            String response = anonymous
                    .send("PUT /" + bucket + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + xml.length()
                            + "\r\n\r\n" + xml)
                    .response();
            assertTrue(response.startsWith("HTTP/1.1 403 Forbidden\r\n"), response);
            assertEquals("AccessDenied", element(response, "Code"));
            assertEquals("Anonymous access is forbidden for this operation.", element(response, "Message"));
        }
        assertFalse(clients.v4().doesBucketExist(bucket));
    }

    @Test
    void putBucket_signedWithDeeplyNestedXml_isMalformedXml(EmulatorClients clients) {
        String bucket = clients.bucketName("nested");
        // 9,000 levels still fit the 64 KB cap of CreateBucketConfiguration; only the nesting is refused.
        RawRequests.Response response = RawRequests.send(
                clients,
                SignVersion.V4,
                "PUT",
                bucket,
                null,
                Map.of(),
                Map.of(),
                deeplyNested("CreateBucketConfiguration", 9_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.status(), response.body());
        assertEquals("MalformedXML", response.element("Code"));
        assertFalse(clients.v4().doesBucketExist(bucket));
    }

    @Test
    void putBucket_signedWithAConfigurationOverItsCap_isEntityTooLarge(EmulatorClients clients) {
        String bucket = clients.bucketName("too-large");
        RawRequests.Response response = RawRequests.send(
                clients,
                SignVersion.V4,
                "PUT",
                bucket,
                null,
                Map.of(),
                Map.of(),
                deeplyNested("CreateBucketConfiguration", 120_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.status(), response.body());
        assertEquals("EntityTooLarge", response.element("Code"));
        assertEquals("65536", response.element("MaxSizeAllowed"));
        assertFalse(clients.v4().doesBucketExist(bucket));
    }

    @Test
    void putObjectTagging_signedWithDeeplyNestedXml_isMalformedXml(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("tag-nested");
        oss.createBucket(bucket);
        oss.putObject(bucket, "k", new java.io.ByteArrayInputStream(new byte[] {1}));
        RawRequests.Response response = RawRequests.send(
                clients,
                SignVersion.V4,
                "PUT",
                bucket,
                "k",
                Collections.singletonMap("tagging", null),
                Map.of(),
                deeplyNested("Tagging", 9_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.status(), response.body());
        assertEquals("MalformedXML", response.element("Code"));
    }

    @Test
    void putBucketPolicy_over16KB_isEntityTooLarge(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("big-policy");
        oss.createBucket(bucket);
        String statement = "{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],\"Principal\":[\"1234567890123456\"],"
                + "\"Resource\":[\"acs:oss:*:*:" + bucket + "/a\"]}";
        StringBuilder policy = new StringBuilder("{\"Version\":\"1\",\"Statement\":[").append(statement);
        while (policy.length() <= 16 * 1024) {
            policy.append(',').append(statement);
        }
        String document = policy.append("]}").toString();
        OSSException e = assertThrows(OSSException.class, () -> oss.setBucketPolicy(bucket, document));
        assertEquals("EntityTooLarge", e.getErrorCode());
        assertEquals("16384", e.getErrorFields().get("MaxSizeAllowed"));
    }

    @Test
    void putBucketLifecycle_anonymousWithAnyBody_isDeniedWithoutReadingIt(EmulatorClients clients) throws IOException {
        String bucket = clients.bucketName("lifecycle-anon");
        clients.v4().createBucket(bucket);
        try (RawSocket anonymous = new RawSocket(clients.endpoint().getPort())) {
            // Far more than the body it sends: read, it would wait; unread, the denial comes at once.
            anonymous.send("PUT /" + bucket + "/?lifecycle HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            String response = anonymous.response();
            assertTrue(response.startsWith("HTTP/1.1 403 Forbidden\r\n"), response);
            assertEquals("AccessDenied", element(response, "Code"));
        }
    }
}
