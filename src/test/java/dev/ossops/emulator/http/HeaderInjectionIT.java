package dev.ossops.emulator.http;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ResponseHeaderOverrides;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No request can make the emulator write a CR or LF into a response header (response splitting, stored header injection). */
@ExtendWith(EmulatorExtension.class)
class HeaderInjectionIT {
    private static final byte[] PAGE = "<h1>hello</h1>".getBytes(StandardCharsets.UTF_8);

    private static String publicBucket(EmulatorClients clients, String hint, CannedAccessControlList acl) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4().setBucketAcl(bucket, acl);
        return bucket;
    }

    @Test
    void getObject_responseContentTypeWithCrlf_isRefusedAndSetsNoCookie(EmulatorClients clients) throws IOException {
        String bucket = publicBucket(clients, "split", CannedAccessControlList.PublicRead);
        clients.v4().putObject(bucket, "page.html", new ByteArrayInputStream(PAGE));
        try (RawSocket anonymous = new RawSocket(clients.endpoint().getPort())) {
            String response = anonymous
                    .send("GET /" + bucket
                            + "/page.html?response-content-type=text/html%0d%0aSet-Cookie:%20session=attacker"
                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .response();
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertFalse(response.contains("Set-Cookie"), response);
            assertTrue(
                    response.contains(
                            "<Code>InvalidArgument</Code><Message>The value contains characters a header cannot carry.</Message>"),
                    response);
            assertTrue(response.contains("<ArgumentName>response-content-type</ArgumentName>"), response);
        }
    }

    @Test
    void getObject_sdkOverrideWithCrlf_isInvalidArgument(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = publicBucket(clients, "split-sdk", CannedAccessControlList.Private);
        oss.putObject(bucket, "page.html", new ByteArrayInputStream(PAGE));
        GetObjectRequest request = new GetObjectRequest(bucket, "page.html");
        ResponseHeaderOverrides overrides = new ResponseHeaderOverrides();
        overrides.setContentDisposition("inline\r\nSet-Cookie: session=attacker");
        request.setResponseHeaders(overrides);
        OSSException e = assertThrows(OSSException.class, () -> oss.getObject(request));
        assertEquals("InvalidArgument", e.getErrorCode());
        assertEquals("The value contains characters a header cannot carry.", e.getErrorMessage());
        assertEquals("0099-00000400", e.getEC());
        assertEquals("response-content-disposition", e.getErrorFields().get("ArgumentName"));
    }

    @Test
    void write_metadataWithBareCarriageReturn_isRefusedOnEveryWritePath(EmulatorClients clients) throws IOException {
        String bucket = publicBucket(clients, "stored", CannedAccessControlList.PublicReadWrite);
        clients.v4().putObject(bucket, "source", new ByteArrayInputStream(PAGE));
        String meta = "X-Oss-Meta-Note: hi\rSet-Cookie: session=attacker\r\n";
        String[] requests = {
            "PUT /" + bucket + "/put HTTP/1.1\r\nHost: 127.0.0.1\r\n" + meta + "Content-Length: 2\r\n\r\nhi",
            "PUT /" + bucket + "/copy HTTP/1.1\r\nHost: 127.0.0.1\r\nx-oss-copy-source: /" + bucket + "/source\r\n"
                    + "x-oss-metadata-directive: REPLACE\r\n" + meta + "\r\n",
            "POST /" + bucket + "/multipart?uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n" + meta + "\r\n"
        };
        for (String request : requests) {
            try (RawSocket anonymous = new RawSocket(clients.endpoint().getPort())) {
                String response = anonymous.send(request).response();
                assertEquals(
                        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 48\r\n"
                                + "Connection: close\r\n\r\nA CR in the request head is not followed by LF.\n",
                        response);
            }
        }
        assertFalse(clients.v4().doesObjectExist(bucket, "put"));
        assertFalse(clients.v4().doesObjectExist(bucket, "copy"));
        assertEquals(
                0,
                clients.v4()
                        .listMultipartUploads(new com.aliyun.oss.model.ListMultipartUploadsRequest(bucket))
                        .getMultipartUploads()
                        .size());
    }

    @Test
    void write_metadataWithNul_isRefused(EmulatorClients clients) throws IOException {
        String bucket = publicBucket(clients, "nul", CannedAccessControlList.PublicReadWrite);
        try (RawSocket anonymous = new RawSocket(clients.endpoint().getPort())) {
            String response = anonymous
                    .send("PUT /" + bucket + "/k HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Oss-Meta-A: a\0b\r\n"
                            + "Content-Length: 0\r\n\r\n")
                    .response();
            assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
            assertTrue(response.endsWith("The value of header X-Oss-Meta-A contains a control character.\n"), response);
        }
        assertFalse(clients.v4().doesObjectExist(bucket, "k"));
    }
}
