package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.ObjectPermission;
import com.aliyun.oss.model.PartETag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.ossops.emulator.MultipartApiIT.initiate;
import static dev.ossops.emulator.MultipartApiIT.random;
import static dev.ossops.emulator.MultipartApiIT.upload;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CompleteMultipartUpload through the SDK: what it links, under concurrent UploadPart calls. */
@ExtendWith(EmulatorExtension.class)
class MultipartCompleteIT {
    private static final int PART = 100 * 1024;

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void completeMultipartUpload_emptyPartList_createsAnEmptyObject(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("empty-" + version);
        oss.createBucket(b);
        String uploadId = initiate(oss, b, "empty");

        // The SDK's own integration test completes an upload without parts and expects success.
        CompleteMultipartUploadResult result = oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(b, "empty", uploadId, new ArrayList<>()));
        // The formula over no parts: the MD5 of nothing, then "-0".
        assertEquals("D41D8CD98F00B204E9800998ECF8427E-0", result.getETag());
        ObjectMetadata meta = oss.getObjectMetadata(b, "empty");
        assertEquals(0, meta.getContentLength());
        assertEquals("Multipart", meta.getObjectType());
        assertEquals(0, ObjectApiIT.read(oss.getObject(b, "empty")).length);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void completeMultipartUpload_completeAll_assemblesEveryUploadedPart(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("all-" + version);
        oss.createBucket(b);
        byte[] one = random(PART + 5, 1);
        byte[] three = random(77, 3);
        String listed = initiate(oss, b, "listed");
        List<PartETag> parts = new ArrayList<>(
                List.of(upload(oss, b, "listed", listed, 1, one), upload(oss, b, "listed", listed, 3, three)));
        CompleteMultipartUploadResult byList =
                oss.completeMultipartUpload(new CompleteMultipartUploadRequest(b, "listed", listed, parts));

        String all = initiate(oss, b, "all");
        upload(oss, b, "all", all, 3, three);
        upload(oss, b, "all", all, 1, one);
        // No part list: the SDK sends an empty body, and the header asks OSS to take every part in order.
        CompleteMultipartUploadRequest request = new CompleteMultipartUploadRequest(b, "all", all, null);
        request.addHeader("x-oss-complete-all", "yes");
        CompleteMultipartUploadResult byAll = oss.completeMultipartUpload(request);

        assertEquals(byList.getETag(), byAll.getETag());
        assertEquals(byList.getServerCRC(), byAll.getServerCRC());
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(one);
        expected.write(three);
        assertArrayEquals(expected.toByteArray(), ObjectApiIT.read(oss.getObject(b, "all")));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void completeMultipartUpload_completeAllWithAPartList_isRefused(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("allbody-" + version);
        oss.createBucket(b);
        String uploadId = initiate(oss, b, "k");
        PartETag part = upload(oss, b, "k", uploadId, 1, random(10, 1));
        CompleteMultipartUploadRequest request =
                new CompleteMultipartUploadRequest(b, "k", uploadId, new ArrayList<>(List.of(part)));
        request.addHeader("x-oss-complete-all", "yes");

        OSSException e = assertThrows(OSSException.class, () -> oss.completeMultipartUpload(request));
        assertEquals("InvalidArgument", e.getErrorCode());
        assertEquals(
                "A CompleteMultipartUpload request with x-oss-complete-all: yes must not carry a part list.",
                e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>0042-00000216</EC>"), e.getRawResponseError());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void completeMultipartUpload_objectAclHeader_setsTheNewObjectsAcl(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("acl-" + version);
        oss.createBucket(b);
        String uploadId = initiate(oss, b, "k");
        PartETag part = upload(oss, b, "k", uploadId, 1, random(10, 1));
        CompleteMultipartUploadRequest request =
                new CompleteMultipartUploadRequest(b, "k", uploadId, new ArrayList<>(List.of(part)));
        request.setObjectACL(CannedAccessControlList.PublicRead);

        oss.completeMultipartUpload(request);
        assertEquals(ObjectPermission.PublicRead, oss.getObjectAcl(b, "k").getPermission());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void completeMultipartUpload_forbidOverwrite_keepsTheExistingObjectAndTheUpload(
            SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("forbid-" + version);
        oss.createBucket(b);
        oss.putObject(b, "k", new ByteArrayInputStream(new byte[] {7}));
        String uploadId = initiate(oss, b, "k");
        PartETag part = upload(oss, b, "k", uploadId, 1, random(10, 1));
        CompleteMultipartUploadRequest request =
                new CompleteMultipartUploadRequest(b, "k", uploadId, new ArrayList<>(List.of(part)));
        request.addHeader("x-oss-forbid-overwrite", "true");

        OSSException e = assertThrows(OSSException.class, () -> oss.completeMultipartUpload(request));
        assertEquals("FileAlreadyExists", e.getErrorCode());
        assertArrayEquals(new byte[] {7}, ObjectApiIT.read(oss.getObject(b, "k")));
        assertEquals(
                1,
                oss.listParts(new com.aliyun.oss.model.ListPartsRequest(b, "k", uploadId))
                        .getParts()
                        .size());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void completeMultipartUpload_location_percentEncodesTheKeyWithTildeAsPercent7E(
            SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("location-" + version);
        oss.createBucket(b);
        String key = "dir/a~b c*.bin";
        String uploadId = initiate(oss, b, key);
        PartETag part = upload(oss, b, key, uploadId, 1, random(10, 1));

        CompleteMultipartUploadResult result = oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(b, key, uploadId, new ArrayList<>(List.of(part))));
        // Path-style request (IP endpoint): the bucket is the first path segment, as the SDK's tests compose it.
        assertEquals(
                "http://127.0.0.1:" + clients.endpoint().getPort() + "/" + b + "/dir%2Fa%7Eb%20c%2A.bin",
                result.getLocation());
    }

    @Test
    void completeMultipartUpload_virtualHosted_locationHasTheBucketInTheHost(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = clients.bucketName("vhost");
        oss.createBucket(b);
        // Anonymous writes are what a raw virtual-host request can do without signing.
        oss.setBucketAcl(b, CannedAccessControlList.PublicReadWrite);
        String uploadId = initiate(oss, b, "v~k");
        PartETag part = upload(oss, b, "v~k", uploadId, 1, random(10, 1));
        String body = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"" + part.getETag()
                + "\"</ETag></Part></CompleteMultipartUpload>";
        String host = b + ".localhost:" + clients.endpoint().getPort();

        String answer = exchange(
                clients,
                "POST /v~k?uploadId=" + uploadId + " HTTP/1.1\r\nHost: " + host
                        + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length()
                        + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("<Location>http://" + host + "/v%7Ek</Location>"), answer);
    }

    private static String exchange(EmulatorClients clients, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", clients.endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * While one client completes an upload with the ETag of part 2 as it uploaded it, three others
     * keep replacing part 2 with other bytes of the same size, and back. Whatever the
     * interleaving, a completion either fails with InvalidPart (the part it names is not the one
     * stored when it checks) or assembles exactly the parts it checked: never the replacement's
     * bytes under the checked part's ETag and CRC-64. Before the fix (check and link as two steps)
     * 3 of 4 runs failed, in rounds 0 to 5; after it the outcome no longer depends on timing.
     */
    @Test
    void completeMultipartUpload_partReplacedConcurrently_linksTheValidatedPart(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = clients.bucketName("race");
        oss.createBucket(b);
        byte[] first = random(PART, 1);
        byte[] mine = random(4096, 2);
        byte[] theirs = random(4096, 3);
        int replacers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(replacers);
        try {
            for (int round = 0; round < 30; round++) {
                String key = "race-" + round;
                String uploadId = initiate(oss, b, key);
                PartETag one = upload(oss, b, key, uploadId, 1, first);
                PartETag two = upload(oss, b, key, uploadId, 2, mine);
                AtomicBoolean done = new AtomicBoolean();
                List<Future<?>> replacing = new ArrayList<>();
                for (int r = 0; r < replacers; r++) {
                    replacing.add(pool.submit(() -> {
                        try {
                            while (!done.get()) {
                                upload(oss, b, key, uploadId, 2, theirs);
                                upload(oss, b, key, uploadId, 2, mine);
                            }
                        } catch (OSSException e) {
                            // The completion consumed the upload: nothing left to replace.
                            assertEquals("NoSuchUpload", e.getErrorCode());
                        }
                    }));
                }
                try {
                    completeUntilAccepted(
                            oss,
                            new CompleteMultipartUploadRequest(b, key, uploadId, new ArrayList<>(List.of(one, two))));
                } finally {
                    done.set(true);
                }
                for (Future<?> f : replacing) {
                    f.get();
                }
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                expected.write(first);
                expected.write(mine);
                assertArrayEquals(expected.toByteArray(), ObjectApiIT.read(oss.getObject(b, key)), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void completeUntilAccepted(OSS oss, CompleteMultipartUploadRequest request) {
        while (true) {
            try {
                oss.completeMultipartUpload(request);
                return;
            } catch (OSSException e) {
                // Part 2 was "theirs" when the list was checked: a legitimate refusal; try again.
                assertEquals("InvalidPart", e.getErrorCode());
            }
        }
    }
}
