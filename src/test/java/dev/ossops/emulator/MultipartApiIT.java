package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multipart uploads through the SDK (its CRC-64 combine check on), signed with V1 and with V4. */
@ExtendWith(EmulatorExtension.class)
class MultipartApiIT {
    private static final int PART = 100 * 1024;

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    static String initiate(OSS oss, String b, String key) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("video/mp4");
        meta.addUserMetadata("origin", "multipart");
        InitiateMultipartUploadRequest request = new InitiateMultipartUploadRequest(b, key, meta);
        return oss.initiateMultipartUpload(request).getUploadId();
    }

    static PartETag upload(OSS oss, String b, String key, String uploadId, int number, byte[] data) {
        UploadPartRequest request =
                new UploadPartRequest(b, key, uploadId, number, new ByteArrayInputStream(data), data.length);
        return oss.uploadPart(request).getPartETag();
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void completeMultipartUpload_assemblesPartsWithOssEtagAndCrc(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("mpu-" + version);
        oss.createBucket(b);
        byte[] one = random(PART, 1);
        byte[] two = random(PART + 7, 2);
        byte[] three = random(10, 3);
        String uploadId = initiate(oss, b, "big.bin");
        List<PartETag> parts = new ArrayList<>();
        parts.add(upload(oss, b, "big.bin", uploadId, 1, one));
        parts.add(upload(oss, b, "big.bin", uploadId, 2, two));
        parts.add(upload(oss, b, "big.bin", uploadId, 3, three));

        CompleteMultipartUploadResult result =
                oss.completeMultipartUpload(new CompleteMultipartUploadRequest(b, "big.bin", uploadId, parts));
        // OSS's formula, as the SDK's own tests compute it: MD5 over the parts' hex ETags one after the other.
        StringBuilder partEtags = new StringBuilder();
        for (byte[] part : List.of(one, two, three)) {
            partEtags.append(HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("MD5").digest(part)));
        }
        String expected = HexFormat.of()
                        .withUpperCase()
                        .formatHex(MessageDigest.getInstance("MD5")
                                .digest(partEtags.toString().getBytes(StandardCharsets.US_ASCII)))
                + "-3";
        assertEquals(expected, result.getETag());
        assertEquals(expected, oss.getObjectMetadata(b, "big.bin").getETag());

        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(one);
        all.write(two);
        all.write(three);
        assertArrayEquals(all.toByteArray(), ObjectApiIT.read(oss.getObject(b, "big.bin")));
        ObjectMetadata meta = oss.getObjectMetadata(b, "big.bin");
        assertEquals("Multipart", meta.getObjectType());
        assertEquals("video/mp4", meta.getContentType());
        assertEquals("multipart", meta.getUserMetadata().get("origin"));
        assertEquals(result.getServerCRC(), meta.getServerCRC());
        assertTrue(oss.listMultipartUploads(new ListMultipartUploadsRequest(b))
                .getMultipartUploads()
                .isEmpty());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void completeMultipartUpload_smallPartBeforeLast_isEntityTooSmall(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("small-" + version);
        oss.createBucket(b);
        String uploadId = initiate(oss, b, "k");
        List<PartETag> parts = new ArrayList<>(List.of(
                upload(oss, b, "k", uploadId, 1, random(PART - 1, 1)), upload(oss, b, "k", uploadId, 2, random(5, 2))));
        OSSException e = assertThrows(
                OSSException.class,
                () -> oss.completeMultipartUpload(new CompleteMultipartUploadRequest(b, "k", uploadId, parts)));
        assertEquals("EntityTooSmall", e.getErrorCode());
        assertEquals("Your proposed upload smaller than the minimum allowed size.", e.getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void completeMultipartUpload_badPartList_isInvalidPartOrInvalidPartOrder(
            SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("badparts-" + version);
        oss.createBucket(b);
        String uploadId = initiate(oss, b, "k");
        PartETag p1 = upload(oss, b, "k", uploadId, 1, random(PART, 1));
        PartETag p2 = upload(oss, b, "k", uploadId, 2, random(PART, 2));

        // The SDK sorts the part list before sending it, so the unordered list goes out raw.
        String unordered = "<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>\"" + p2.getETag()
                + "\"</ETag></Part>" + "<Part><PartNumber>1</PartNumber><ETag>\"" + p1.getETag()
                + "\"</ETag></Part></CompleteMultipartUpload>";
        RawRequests.Response order = RawRequests.send(
                clients,
                version,
                "POST",
                b,
                "k",
                java.util.Map.of("uploadId", uploadId),
                java.util.Map.of("Content-Type", "application/xml"),
                unordered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, order.status());
        assertEquals("InvalidPartOrder", order.element("Code"));
        assertEquals(
                "The list of parts was not in ascending order. Parts list must specified in order by part number.",
                order.element("Message"));

        OSSException wrongEtag = assertThrows(
                OSSException.class,
                () -> oss.completeMultipartUpload(new CompleteMultipartUploadRequest(
                        b, "k", uploadId, new ArrayList<>(List.of(p1, new PartETag(2, "0123"))))));
        assertEquals("InvalidPart", wrongEtag.getErrorCode());

        OSSException missing = assertThrows(
                OSSException.class,
                () -> oss.completeMultipartUpload(new CompleteMultipartUploadRequest(
                        b, "k", uploadId, new ArrayList<>(List.of(p1, new PartETag(3, p2.getETag()))))));
        assertEquals("InvalidPart", missing.getErrorCode());
        assertEquals(
                "One or more of the specified parts could not be found or the specified entity tag might not have matched "
                        + "the part's entity tag.",
                missing.getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void uploadPartCopy_copiesARangeOfAnObject(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("partcopy-" + version);
        oss.createBucket(b);
        byte[] source = random(PART * 2, 9);
        oss.putObject(b, "source", new ByteArrayInputStream(source));
        String uploadId = initiate(oss, b, "target");
        UploadPartCopyRequest copy1 = new UploadPartCopyRequest(b, "source", b, "target", uploadId, 1, 0L, (long) PART);
        UploadPartCopyRequest copy2 =
                new UploadPartCopyRequest(b, "source", b, "target", uploadId, 2, (long) PART, (long) PART);
        List<PartETag> parts = new ArrayList<>(List.of(
                oss.uploadPartCopy(copy1).getPartETag(),
                oss.uploadPartCopy(copy2).getPartETag()));
        oss.completeMultipartUpload(new CompleteMultipartUploadRequest(b, "target", uploadId, parts));
        assertArrayEquals(source, ObjectApiIT.read(oss.getObject(b, "target")));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void uploadPartCopy_rangePastTheEnd_copiesTheWholeObject(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("copyall-" + version);
        oss.createBucket(b);
        byte[] source = random(PART, 4);
        String sourceEtag =
                oss.putObject(b, "source", new ByteArrayInputStream(source)).getETag();
        String uploadId = initiate(oss, b, "target");

        // What the SDK's UploadPartCopyTest does: start inside the object, end a whole object later.
        UploadPartCopyRequest copy =
                new UploadPartCopyRequest(b, "source", b, "target", uploadId, 1, (long) PART / 2, (long) PART);
        PartETag part = oss.uploadPartCopy(copy).getPartETag();
        assertEquals(sourceEtag, part.getETag());
        assertEquals(
                PART,
                oss.listParts(new ListPartsRequest(b, "target", uploadId))
                        .getParts()
                        .get(0)
                        .getSize());
        oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(b, "target", uploadId, new ArrayList<>(List.of(part))));
        assertArrayEquals(source, ObjectApiIT.read(oss.getObject(b, "target")));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void uploadPartCopy_answersThePartEtagAsAHeaderToo(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("copyetag-" + version);
        oss.createBucket(b);
        oss.putObject(b, "source", new ByteArrayInputStream(random(1000, 5)));
        String uploadId = initiate(oss, b, "target");

        RawRequests.Response copied = RawRequests.send(
                clients,
                version,
                "PUT",
                b,
                "target",
                java.util.Map.of("partNumber", "1", "uploadId", uploadId),
                java.util.Map.of("x-oss-copy-source", "/" + b + "/source", "x-oss-copy-source-range", "bytes=0-99"),
                null);
        assertEquals(200, copied.status(), copied.body());
        // ali-oss's uploadPartCopy takes the part's ETag from the response header, not the body.
        assertEquals(copied.element("ETag"), copied.header("ETag"));
        assertEquals(
                oss.listParts(new ListPartsRequest(b, "target", uploadId))
                        .getParts()
                        .get(0)
                        .getETag(),
                copied.header("ETag").replace("\"", ""));
        assertEquals(
                100,
                oss.listParts(new ListPartsRequest(b, "target", uploadId))
                        .getParts()
                        .get(0)
                        .getSize());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listPartsAndUploads_thenAbort_isNoSuchUpload(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("listparts-" + version);
        oss.createBucket(b);
        String first = initiate(oss, b, "a/one");
        initiate(oss, b, "a/two");
        initiate(oss, b, "b");
        upload(oss, b, "a/one", first, 1, random(10, 1));
        upload(oss, b, "a/one", first, 2, random(20, 2));
        upload(oss, b, "a/one", first, 3, random(30, 3));

        ListPartsRequest request = new ListPartsRequest(b, "a/one", first);
        request.setMaxParts(2);
        PartListing page = oss.listParts(request);
        assertEquals(2, page.getParts().size());
        assertEquals(10, page.getParts().get(0).getSize());
        assertTrue(page.isTruncated());
        assertEquals(2, page.getNextPartNumberMarker());
        request.setPartNumberMarker(2);
        PartListing rest = oss.listParts(request);
        assertEquals(1, rest.getParts().size());
        assertEquals(3, rest.getParts().get(0).getPartNumber());
        assertFalse(rest.isTruncated());

        ListMultipartUploadsRequest uploads = new ListMultipartUploadsRequest(b);
        uploads.setDelimiter("/");
        MultipartUploadListing listing = oss.listMultipartUploads(uploads);
        assertEquals(List.of("a/"), listing.getCommonPrefixes());
        assertEquals(
                List.of("b"),
                listing.getMultipartUploads().stream().map(u -> u.getKey()).toList());
        ListMultipartUploadsRequest prefixed = new ListMultipartUploadsRequest(b);
        prefixed.setPrefix("a/");
        assertEquals(
                List.of("a/one", "a/two"),
                oss.listMultipartUploads(prefixed).getMultipartUploads().stream()
                        .map(u -> u.getKey())
                        .toList());

        String again = initiate(oss, b, "a/one");
        ListMultipartUploadsRequest paged = new ListMultipartUploadsRequest(b);
        paged.setMaxUploads(2);
        MultipartUploadListing page1 = oss.listMultipartUploads(paged);
        assertEquals(
                List.of(first, again),
                page1.getMultipartUploads().stream().map(u -> u.getUploadId()).toList());
        assertTrue(page1.isTruncated());
        paged.setKeyMarker(page1.getNextKeyMarker());
        paged.setUploadIdMarker(page1.getNextUploadIdMarker());
        MultipartUploadListing page2 = oss.listMultipartUploads(paged);
        assertEquals(
                List.of("a/two", "b"),
                page2.getMultipartUploads().stream().map(u -> u.getKey()).toList());
        assertFalse(page2.isTruncated());
        oss.abortMultipartUpload(new AbortMultipartUploadRequest(b, "a/one", again));

        oss.abortMultipartUpload(new AbortMultipartUploadRequest(b, "a/one", first));
        OSSException e = assertThrows(OSSException.class, () -> oss.listParts(new ListPartsRequest(b, "a/one", first)));
        assertEquals("NoSuchUpload", e.getErrorCode());
        assertEquals(
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or "
                        + "completed.",
                e.getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listMultipartUploads_uploadsOfOneKey_inUploadIdOrderAndPagedAfterTheMarker(
            SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("uploads-" + version);
        oss.createBucket(b);
        String j = initiate(oss, b, "j");
        List<String> k = List.of(initiate(oss, b, "k"), initiate(oss, b, "k"), initiate(oss, b, "k"));
        String l = initiate(oss, b, "l");

        // Documented: ascending keys, the uploads of one key in ascending upload id, which for
        // OSS's time-prefixed ids is the order they were initiated in; MaxUploads defaults to 1000.
        MultipartUploadListing all = oss.listMultipartUploads(new ListMultipartUploadsRequest(b));
        assertEquals(List.of(j, k.get(0), k.get(1), k.get(2), l), uploadIds(all));
        assertEquals(
                List.of("j", "k", "k", "k", "l"),
                all.getMultipartUploads().stream().map(u -> u.getKey()).toList());
        assertEquals(1000, all.getMaxUploads());
        assertFalse(all.isTruncated());
        // As in OSS's sample answer, the next markers name the last upload even when nothing follows.
        assertEquals("l", all.getNextKeyMarker());
        assertEquals(l, all.getNextUploadIdMarker());

        ListMultipartUploadsRequest afterFirst = new ListMultipartUploadsRequest(b);
        afterFirst.setKeyMarker("k");
        afterFirst.setUploadIdMarker(k.get(0));
        assertEquals(List.of(k.get(1), k.get(2), l), uploadIds(oss.listMultipartUploads(afterFirst)));

        // The upload id marker is a position, not an id that must exist.
        ListMultipartUploadsRequest between = new ListMultipartUploadsRequest(b);
        between.setKeyMarker("k");
        between.setUploadIdMarker(k.get(0) + "0");
        assertEquals(List.of(k.get(1), k.get(2), l), uploadIds(oss.listMultipartUploads(between)));

        ListMultipartUploadsRequest afterKey = new ListMultipartUploadsRequest(b);
        afterKey.setKeyMarker("k");
        assertEquals(List.of(l), uploadIds(oss.listMultipartUploads(afterKey)));

        ListMultipartUploadsRequest paged = new ListMultipartUploadsRequest(b);
        paged.setMaxUploads(2);
        MultipartUploadListing first = oss.listMultipartUploads(paged);
        assertEquals(List.of(j, k.get(0)), uploadIds(first));
        assertTrue(first.isTruncated());
        paged.setKeyMarker(first.getNextKeyMarker());
        paged.setUploadIdMarker(first.getNextUploadIdMarker());
        assertEquals(List.of(k.get(1), k.get(2)), uploadIds(oss.listMultipartUploads(paged)));
    }

    private static List<String> uploadIds(MultipartUploadListing listing) {
        return listing.getMultipartUploads().stream().map(u -> u.getUploadId()).toList();
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listParts_noParts_hasAnEmptyNextPartNumberMarker(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("noparts-" + version);
        oss.createBucket(b);
        String uploadId = initiate(oss, b, "k");

        PartListing listing = oss.listParts(new ListPartsRequest(b, "k", uploadId));
        assertTrue(listing.getParts().isEmpty());
        assertEquals(null, listing.getNextPartNumberMarker());
        assertEquals(1000, listing.getMaxParts());
        RawRequests.Response raw = RawRequests.send(
                clients, version, "GET", b, "k", java.util.Map.of("uploadId", uploadId), java.util.Map.of(), null);
        assertEquals(200, raw.status());
        assertEquals("", raw.element("NextPartNumberMarker"));
    }
}
