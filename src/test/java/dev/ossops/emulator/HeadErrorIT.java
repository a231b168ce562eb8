package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A HEAD error has no body; OSS repeats the error XML base64-encoded in x-oss-err, and the SDK reads it. */
@ExtendWith(EmulatorExtension.class)
class HeadErrorIT {

    @Test
    void headObject_missingKey_sdkSeesTheCodeFromXOssErr(EmulatorClients clients) {
        OSS oss = clients.v4();
        oss.createBucket("head-errors");
        OSSException e = assertThrows(OSSException.class, () -> oss.getObjectMetadata("head-errors", "missing"));
        assertEquals("NoSuchKey", e.getErrorCode());
        assertEquals(24, e.getRequestId().length());
    }

    @Test
    void headAnonymous_privateBucket_headerHoldsTheErrorXml(EmulatorClients clients) throws Exception {
        clients.v4().createBucket("head-private");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(clients.endpoint() + "/head-private/k"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(403, response.statusCode());
        assertEquals(0, response.body().length);
        String xml = new String(
                Base64.getDecoder()
                        .decode(response.headers().firstValue("x-oss-err").orElseThrow()),
                StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"), xml);
        assertTrue(
                xml.contains("<RequestId>"
                        + response.headers().firstValue("x-oss-request-id").orElseThrow() + "</RequestId>"),
                xml);
    }
}
