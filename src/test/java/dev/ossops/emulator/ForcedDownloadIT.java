package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.ResponseHeaderOverrides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploaded web content is not served inline from the emulator's own host, as OSS forces downloads
 * on its default domains; read through the official SDK.
 */
@ExtendWith(EmulatorExtension.class)
class ForcedDownloadIT {
    private static final String PAGE = "<html><script>fetch('/?Action=CreateUser')</script></html>";

    private static void put(OSS oss, String bucket, String key, String contentType, String disposition) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType(contentType);
        if (disposition != null) {
            meta.setContentDisposition(disposition);
        }
        oss.putObject(bucket, key, new ByteArrayInputStream(PAGE.getBytes(StandardCharsets.UTF_8)), meta);
    }

    private static ObjectMetadata get(OSS oss, GetObjectRequest request) throws Exception {
        try (OSSObject object = oss.getObject(request);
                InputStream in = object.getObjectContent()) {
            assertEquals(PAGE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return object.getObjectMetadata();
        }
    }

    private static void assertForced(ObjectMetadata meta) {
        assertEquals("attachment", meta.getContentDisposition());
        assertEquals("true", meta.getRawMetadata().get("x-oss-force-download"));
    }

    @Test
    void getAndHeadObject_html_areForcedToDownload(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("forced-html");
        oss.createBucket(bucket);
        put(oss, bucket, "page", "text/html; charset=utf-8", "inline");

        ObjectMetadata got = get(oss, new GetObjectRequest(bucket, "page"));
        assertForced(got);
        assertEquals("text/html; charset=utf-8", got.getContentType());
        assertForced(oss.getObjectMetadata(bucket, "page"));
    }

    @Test
    void getObject_webPageExtensionOrImage_areForced(EmulatorClients clients) throws Exception {
        OSS oss = clients.v1();
        String bucket = clients.bucketName("forced-types");
        oss.createBucket(bucket);
        put(oss, bucket, "docs/index.htm", "application/octet-stream", null);
        put(oss, bucket, "logo.svg", "image/svg+xml", null);
        put(oss, bucket, "photo", "image/png", null);

        assertForced(get(oss, new GetObjectRequest(bucket, "docs/index.htm")));
        assertForced(get(oss, new GetObjectRequest(bucket, "logo.svg")));
        assertForced(get(oss, new GetObjectRequest(bucket, "photo")));
    }

    @Test
    void getObject_otherContent_keepsItsOwnDisposition(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("not-forced");
        oss.createBucket(bucket);
        put(oss, bucket, "notes.txt", "text/plain", null);
        put(oss, bucket, "report.pdf", "application/pdf", "inline; filename=\"report.pdf\"");

        ObjectMetadata text = get(oss, new GetObjectRequest(bucket, "notes.txt"));
        assertNull(text.getContentDisposition());
        assertFalse(text.getRawMetadata().containsKey("x-oss-force-download"));
        assertEquals(
                "inline; filename=\"report.pdf\"",
                get(oss, new GetObjectRequest(bucket, "report.pdf")).getContentDisposition());
    }

    @Test
    void getObject_overrideToHtml_isForcedAsWell(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("forced-override");
        oss.createBucket(bucket);
        put(oss, bucket, "notes.txt", "text/plain", null);
        GetObjectRequest request = new GetObjectRequest(bucket, "notes.txt");
        ResponseHeaderOverrides overrides = new ResponseHeaderOverrides();
        overrides.setContentType("text/html");
        overrides.setContentDisposition("inline");
        request.setResponseHeaders(overrides);

        ObjectMetadata got = get(oss, request);
        assertEquals("text/html", got.getContentType());
        assertForced(got);
    }

    @Test
    void getObject_throughANameTheOperatorAllowed_isServedAsStored(@TempDir Path dataDir) {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .rootKey(TestRootKey.KEY)
                .allowedHosts(Set.of("static.dev.internal"))
                .build();
        try (Emulator emulator = new Emulator(config).start();
                EmulatorClients clients = new EmulatorClients(emulator)) {
            String bucket = clients.bucketName("custom-domain");
            clients.v4().createBucket(bucket);
            put(clients.v4(), bucket, "page.html", "text/html", null);
            RequestMessage signed = RawRequests.sign(
                    clients,
                    SignVersion.V1,
                    clients.keyId(),
                    clients.secret(),
                    0,
                    "GET",
                    bucket,
                    "page.html",
                    Map.of(),
                    Map.of());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Host", bucket + ".static.dev.internal");
            headers.putAll(signed.getHeaders());
            // Like a custom domain on OSS: the operator chose to serve this name, so pages render.
            String custom = RawRequests.wire(emulator.endpoint(), "GET", "/page.html", headers);
            assertTrue(custom.startsWith("HTTP/1.1 200 OK\r\n") && custom.endsWith(PAGE), custom);
            assertFalse(custom.contains("Content-Disposition"), custom);
            assertFalse(custom.contains("x-oss-force-download"), custom);

            headers.put("Host", bucket + ".localhost");
            String own = RawRequests.wire(emulator.endpoint(), "GET", "/page.html", headers);
            assertTrue(
                    own.contains("\r\nContent-Disposition: attachment\r\n")
                            && own.contains("\r\nx-oss-force-download: true\r\n"),
                    own);
        }
    }
}
