package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.common.utils.BinaryUtil;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.CopyObjectResult;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.DeleteObjectsResult;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.ObjectPermission;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.ResponseHeaderOverrides;
import com.aliyun.oss.model.SimplifiedObjectMeta;
import com.aliyun.oss.model.StorageClass;
import com.aliyun.oss.model.TagSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Object APIs through the official SDK (its CRC-64 check on), signed with V1 and with V4. */
@ExtendWith(EmulatorExtension.class)
class ObjectApiIT {
    private static final byte[] HELLO = "hello, emulator".getBytes(StandardCharsets.UTF_8);

    private static String bucket(OSS oss, EmulatorClients clients, String hint) {
        String name = clients.bucketName(hint);
        oss.createBucket(name);
        return name;
    }

    static byte[] read(OSSObject object) throws IOException {
        try (InputStream in = object.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    static String md5Hex(byte[] data) throws Exception {
        return HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("MD5").digest(data));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_metadata_isReturnedByGetAndHead(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "meta-" + version);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("text/plain; charset=utf-8");
        meta.setCacheControl("max-age=60");
        meta.setContentDisposition("attachment; filename=\"a.txt\"");
        meta.setHeader("Content-Language", "en");
        meta.addUserMetadata("owner", "team-a");
        meta.setHeader("x-oss-storage-class", StorageClass.IA.toString());
        PutObjectResult put = oss.putObject(b, "dir/a b+c.txt", new ByteArrayInputStream(HELLO), meta);
        assertEquals(md5Hex(HELLO), put.getETag());

        OSSObject object = oss.getObject(b, "dir/a b+c.txt");
        assertArrayEquals(HELLO, read(object));
        ObjectMetadata got = object.getObjectMetadata();
        assertEquals("text/plain; charset=utf-8", got.getContentType());
        assertEquals("max-age=60", got.getCacheControl());
        assertEquals("attachment; filename=\"a.txt\"", got.getContentDisposition());
        assertEquals("en", got.getRawMetadata().get("Content-Language"));
        assertEquals("team-a", got.getUserMetadata().get("owner"));
        assertEquals(StorageClass.IA, got.getObjectStorageClass());
        assertEquals("Normal", got.getObjectType());
        assertEquals(HELLO.length, got.getContentLength());
        assertEquals(md5Hex(HELLO), got.getETag());
        assertEquals(put.getServerCRC(), got.getServerCRC());

        ObjectMetadata head = oss.getObjectMetadata(b, "dir/a b+c.txt");
        assertEquals(HELLO.length, head.getContentLength());
        assertEquals("team-a", head.getUserMetadata().get("owner"));
        // OSS sends the Content-MD5 of an object stored by PutObject on GET and HEAD.
        String md5 = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("MD5").digest(HELLO));
        assertEquals(md5, got.getContentMD5());
        assertEquals(md5, head.getContentMD5());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_streamOfUnknownLength_isSentChunkedAndStoredWhole(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "chunked-" + version);
        byte[] data = MultipartApiIT.random(3 * 1024 * 1024 + 17, 5);
        // Without a content length the SDK streams with Transfer-Encoding: chunked.
        InputStream unknownLength = new java.io.FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int available() {
                return 0;
            }
        };
        PutObjectResult put = oss.putObject(b, "big", unknownLength);
        assertEquals(md5Hex(data), put.getETag());
        assertArrayEquals(data, read(oss.getObject(b, "big")));
        assertEquals(data.length, oss.getObjectMetadata(b, "big").getContentLength());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_empty_roundTripsWithCrcZero(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "empty-" + version);
        PutObjectResult put = oss.putObject(b, "empty", new ByteArrayInputStream(new byte[0]));
        assertEquals(0L, put.getServerCRC());
        assertEquals("D41D8CD98F00B204E9800998ECF8427E", put.getETag());
        OSSObject object = oss.getObject(b, "empty");
        assertEquals(0, read(object).length);
        assertEquals(0, object.getObjectMetadata().getContentLength());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_withWrongSecretAndLargeBody_answersTheErrorNotAReset(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "wrongbig-" + version);
        OSS wrong = clients.client(version, clients.keyId(), "wrong-secret");
        try {
            OSSException e = assertThrows(
                    OSSException.class,
                    () -> wrong.putObject(b, "k", new ByteArrayInputStream(MultipartApiIT.random(2 * 1024 * 1024, 3))));
            assertEquals("SignatureDoesNotMatch", e.getErrorCode());
            assertFalse(oss.doesObjectExist(b, "k"));
        } finally {
            wrong.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_withoutContentType_storesOctetStream(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "ctype-" + version);
        RawRequests.Response put = RawRequests.send(clients, version, "PUT", b, "noext", Map.of(), Map.of(), HELLO);
        assertEquals(200, put.status());
        assertEquals(
                "application/octet-stream", oss.getObjectMetadata(b, "noext").getContentType());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_wrongContentMd5_isInvalidDigest(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "digest-" + version);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentMD5(Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("MD5").digest(new byte[] {1})));
        OSSException e =
                assertThrows(OSSException.class, () -> oss.putObject(b, "k", new ByteArrayInputStream(HELLO), meta));
        assertEquals("InvalidDigest", e.getErrorCode());
        assertEquals("The Content-MD5 you specified was invalid.", e.getErrorMessage());
        assertFalse(oss.doesObjectExist(b, "k"));

        meta.setContentMD5(Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("MD5").digest(HELLO)));
        oss.putObject(b, "k", new ByteArrayInputStream(HELLO), meta);
        assertTrue(oss.doesObjectExist(b, "k"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_forbidOverwrite_isFileAlreadyExists(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "forbid-" + version);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setHeader("x-oss-forbid-overwrite", "true");
        oss.putObject(b, "k", new ByteArrayInputStream(HELLO), meta);
        OSSException e = assertThrows(
                OSSException.class, () -> oss.putObject(b, "k", new ByteArrayInputStream(new byte[3]), meta));
        assertEquals("FileAlreadyExists", e.getErrorCode());
        assertEquals("The object you specified already exists and can not be overwritten.", e.getErrorMessage());
        assertArrayEquals(HELLO, read(oss.getObject(b, "k")));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getObject_ranges_followOss(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "range-" + version);
        byte[] data = "0123456789".getBytes(StandardCharsets.UTF_8);
        oss.putObject(b, "r", new ByteArrayInputStream(data));

        GetObjectRequest first = new GetObjectRequest(b, "r");
        first.setRange(2, 4);
        OSSObject part = oss.getObject(first);
        assertEquals("234", new String(read(part), StandardCharsets.UTF_8));
        assertEquals("bytes 2-4/10", part.getObjectMetadata().getRawMetadata().get("Content-Range"));

        GetObjectRequest suffix = new GetObjectRequest(b, "r");
        suffix.setRange(-1, 3);
        assertEquals("789", new String(read(oss.getObject(suffix)), StandardCharsets.UTF_8));

        GetObjectRequest open = new GetObjectRequest(b, "r");
        open.setRange(7, -1);
        assertEquals("789", new String(read(oss.getObject(open)), StandardCharsets.UTF_8));

        // By default OSS ignores a range it cannot satisfy, start or end beyond the object, and
        // returns the whole object with 200 (OSS's range download documentation).
        RawRequests.Response beyond =
                RawRequests.send(clients, version, "GET", b, "r", Map.of(), Map.of("Range", "bytes=20-30"), null);
        assertEquals(200, beyond.status());
        assertEquals("0123456789", beyond.body());
        RawRequests.Response backwards =
                RawRequests.send(clients, version, "GET", b, "r", Map.of(), Map.of("Range", "bytes=5-2"), null);
        assertEquals(200, backwards.status());
        assertEquals("0123456789", backwards.body());
        GetObjectRequest pastTheEnd = new GetObjectRequest(b, "r");
        pastTheEnd.setRange(8, 100);
        OSSObject whole = oss.getObject(pastTheEnd);
        assertEquals("0123456789", new String(read(whole), StandardCharsets.UTF_8));
        assertEquals(null, whole.getObjectMetadata().getRawMetadata().get("Content-Range"));

        // x-oss-range-behavior: standard cuts the end to the object and refuses a start beyond it.
        GetObjectRequest standard = new GetObjectRequest(b, "r");
        standard.setRange(8, 100);
        standard.addHeader("x-oss-range-behavior", "standard");
        OSSObject cut = oss.getObject(standard);
        assertEquals("89", new String(read(cut), StandardCharsets.UTF_8));
        assertEquals("bytes 8-9/10", cut.getObjectMetadata().getRawMetadata().get("Content-Range"));
        GetObjectRequest standardBeyond = new GetObjectRequest(b, "r");
        standardBeyond.setRange(20, 30);
        standardBeyond.addHeader("x-oss-range-behavior", "standard");
        OSSException refused = assertThrows(OSSException.class, () -> oss.getObject(standardBeyond));
        assertEquals("InvalidRange", refused.getErrorCode());

        // A suffix of no bytes is refused whatever the behaviour (the SDK's GetObjectTest expects 416).
        GetObjectRequest emptySuffix = new GetObjectRequest(b, "r");
        emptySuffix.setRange(-1, 0);
        OSSException empty = assertThrows(OSSException.class, () -> oss.getObject(emptySuffix));
        assertEquals("InvalidRange", empty.getErrorCode());
        assertEquals("The requested range cannot be satisfied.", empty.getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getObject_responseOverrides_replaceHeaders(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "override-" + version);
        oss.putObject(b, "o.txt", new ByteArrayInputStream(HELLO));
        GetObjectRequest request = new GetObjectRequest(b, "o.txt");
        ResponseHeaderOverrides overrides = new ResponseHeaderOverrides();
        overrides.setContentType("application/x-custom");
        overrides.setContentDisposition("attachment; filename=x.bin");
        overrides.setCacheControl("no-cache");
        request.setResponseHeaders(overrides);
        ObjectMetadata meta = oss.getObject(request).getObjectMetadata();
        assertEquals("application/x-custom", meta.getContentType());
        assertEquals("attachment; filename=x.bin", meta.getContentDisposition());
        assertEquals("no-cache", meta.getCacheControl());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getObject_conditions_answer304And412(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "cond-" + version);
        String etag = oss.putObject(b, "c", new ByteArrayInputStream(HELLO)).getETag();

        GetObjectRequest match = new GetObjectRequest(b, "c");
        match.setMatchingETagConstraints(List.of(etag));
        assertArrayEquals(HELLO, read(oss.getObject(match)));

        GetObjectRequest mismatch = new GetObjectRequest(b, "c");
        mismatch.setMatchingETagConstraints(List.of("0000"));
        assertEquals(
                "PreconditionFailed",
                assertThrows(OSSException.class, () -> oss.getObject(mismatch)).getErrorCode());

        GetObjectRequest noneMatch = new GetObjectRequest(b, "c");
        noneMatch.setNonmatchingETagConstraints(List.of(etag));
        assertEquals(
                "NotModified",
                assertThrows(OSSException.class, () -> oss.getObject(noneMatch)).getErrorCode());

        Date future = new Date(System.currentTimeMillis() + 3_600_000);
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        GetObjectRequest modifiedSince = new GetObjectRequest(b, "c");
        modifiedSince.setModifiedSinceConstraint(future);
        assertEquals(
                "NotModified",
                assertThrows(OSSException.class, () -> oss.getObject(modifiedSince))
                        .getErrorCode());

        GetObjectRequest unmodifiedSince = new GetObjectRequest(b, "c");
        unmodifiedSince.setUnmodifiedSinceConstraint(past);
        assertEquals(
                "PreconditionFailed",
                assertThrows(OSSException.class, () -> oss.getObject(unmodifiedSince))
                        .getErrorCode());

        GetObjectRequest fine = new GetObjectRequest(b, "c");
        fine.setModifiedSinceConstraint(past);
        fine.setUnmodifiedSinceConstraint(future);
        assertArrayEquals(HELLO, read(oss.getObject(fine)));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getObject_missingKey_isNoSuchKeyAndHeadHasNoBody(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "missing-" + version);
        OSSException e = assertThrows(OSSException.class, () -> oss.getObject(b, "nope"));
        assertEquals("NoSuchKey", e.getErrorCode());
        assertEquals("The specified key does not exist.", e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<Key>nope</Key>"), e.getRawResponseError());
        assertTrue(e.getRawResponseError().contains("<EC>0026-00000001</EC>"), e.getRawResponseError());

        RawRequests.Response head = RawRequests.send(clients, version, "HEAD", b, "nope", Map.of(), Map.of(), null);
        assertEquals(404, head.status());
        assertEquals("", head.body());
        assertEquals("0026-00000001", head.header("x-oss-ec"));
        assertTrue(head.header("x-oss-request-id").matches("[0-9A-F]{24}"));
        assertFalse(oss.doesObjectExist(b, "nope"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getSimplifiedObjectMeta_answersSizeEtagAndTime(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "objmeta-" + version);
        oss.putObject(b, "m", new ByteArrayInputStream(HELLO));
        SimplifiedObjectMeta meta = oss.getSimplifiedObjectMeta(b, "m");
        assertEquals(HELLO.length, meta.getSize());
        assertEquals(md5Hex(HELLO), meta.getETag());
        assertTrue(Math.abs(meta.getLastModified().getTime() - System.currentTimeMillis()) < 60_000);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void deleteObjects_quietAndVerbose_withUrlEncoding(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "multidel-" + version);
        for (String k : List.of("a", "b c", "d/e")) {
            oss.putObject(b, k, new ByteArrayInputStream(HELLO));
        }
        DeleteObjectsResult verbose = oss.deleteObjects(new DeleteObjectsRequest(b)
                .withKeys(List.of("a", "b c", "missing"))
                .withEncodingType("url"));
        // The SDK sends Encoding-type as a header, where the reference puts it: the keys come back
        // url-encoded and the SDK hands them over as they are.
        assertEquals("url", verbose.getEncodingType());
        assertEquals(List.of("a", "b%20c", "missing"), verbose.getDeletedObjects());
        DeleteObjectsResult quiet = oss.deleteObjects(
                new DeleteObjectsRequest(b).withKeys(List.of("d/e")).withQuiet(true));
        assertTrue(quiet.getDeletedObjects().isEmpty());
        assertTrue(oss.listObjects(b).getObjectSummaries().isEmpty());
    }

    @Test
    void deleteObjects_keysWithControlCharacters_areDeletedAndAnsweredUrlEncoded(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "multidel-ctl");
        // The SDK sends these keys raw in the XML body, as its own integration tests do against OSS.
        List<String> keys = List.of("ctl-\u0001\u0007", "ctl-\u0002\u0007", "ctl-\u0085\u2028-\u00e9");
        for (String k : keys) {
            oss.putObject(b, k, new ByteArrayInputStream(HELLO));
        }
        DeleteObjectsResult deleted =
                oss.deleteObjects(new DeleteObjectsRequest(b).withKeys(keys).withEncodingType("url"));
        assertEquals(List.of("ctl-%01%07", "ctl-%02%07", "ctl-%C2%85%E2%80%A8-%C3%A9"), deleted.getDeletedObjects());
        assertTrue(oss.listObjects(b).getObjectSummaries().isEmpty());
    }

    @Test
    void deleteObjects_controlCharactersNoXmlAllows_areMalformedXml(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "multidel-bad");
        oss.putObject(b, "a", new ByteArrayInputStream(HELLO));
        for (String body : List.of(
                "<Delete><Object><Key>a\u0000</Key></Object></Delete>",
                "<!DOCTYPE Delete [<!ENTITY x \"a\">]><Delete><Object><Key>&x;\u0001</Key></Object></Delete>",
                "<Delete><Object><Key\u0001>a</Key></Object></Delete>")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            RawRequests.Response response = RawRequests.send(
                    clients,
                    SignVersion.V4,
                    "POST",
                    b,
                    null,
                    java.util.Collections.singletonMap("delete", null),
                    Map.of(
                            "Content-Type",
                            "application/xml",
                            "Content-MD5",
                            BinaryUtil.toBase64String(BinaryUtil.calculateMd5(bytes))),
                    bytes);
            assertEquals(400, response.status(), body);
            assertEquals("MalformedXML", response.element("Code"));
        }
        assertTrue(oss.doesObjectExist(b, "a"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void deleteObjects_withoutContentMd5_isMissingArgument(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "nomd5-" + version);
        byte[] body = "<Delete><Object><Key>a</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);
        RawRequests.Response response = RawRequests.send(
                clients,
                version,
                "POST",
                b,
                null,
                java.util.Collections.singletonMap("delete", null),
                Map.of("Content-Type", "application/xml"),
                body);
        assertEquals(411, response.status());
        assertEquals("MissingArgument", response.element("Code"));
        assertEquals("Content-MD5", response.element("ArgumentName"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void copyObject_copyAndReplaceDirectives(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "copy-" + version);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("text/plain");
        meta.addUserMetadata("k", "v");
        oss.putObject(b, "src key", new ByteArrayInputStream(HELLO), meta);

        CopyObjectResult copied = oss.copyObject(b, "src key", b, "copy/1");
        assertEquals(md5Hex(HELLO), copied.getETag());
        ObjectMetadata kept = oss.getObjectMetadata(b, "copy/1");
        assertEquals("text/plain", kept.getContentType());
        assertEquals("v", kept.getUserMetadata().get("k"));

        CopyObjectRequest replace = new CopyObjectRequest(b, "src key", b, "copy/2");
        ObjectMetadata replaced = new ObjectMetadata();
        replaced.setContentType("application/json");
        replaced.addUserMetadata("other", "x");
        replace.setNewObjectMetadata(replaced);
        oss.copyObject(replace);
        ObjectMetadata now = oss.getObjectMetadata(b, "copy/2");
        assertEquals("application/json", now.getContentType());
        assertEquals(Map.of("other", "x"), now.getUserMetadata());
        assertArrayEquals(HELLO, read(oss.getObject(b, "copy/2")));

        OSSException e = assertThrows(OSSException.class, () -> oss.copyObject(b, "absent", b, "copy/3"));
        assertEquals("NoSuchKey", e.getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void objectAcl_defaultThenSet(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "objacl-" + version);
        oss.putObject(b, "k", new ByteArrayInputStream(HELLO));
        assertEquals(ObjectPermission.Default, oss.getObjectAcl(b, "k").getPermission());
        oss.setObjectAcl(b, "k", CannedAccessControlList.PublicRead);
        assertEquals(ObjectPermission.PublicRead, oss.getObjectAcl(b, "k").getPermission());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_emptyObjectAclHeader_isIgnored(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "emptyacl-" + version);
        // setObjectAcl(null) makes the SDK send "x-oss-object-acl:" with no value; OSS ignores it
        // (the SDK's ObjectAclTest reads back "default").
        ObjectMetadata meta = new ObjectMetadata();
        meta.setObjectAcl(null);
        oss.putObject(b, "put", new ByteArrayInputStream(HELLO), meta);
        assertEquals(ObjectPermission.Default, oss.getObjectAcl(b, "put").getPermission());

        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(b, "mpu", meta))
                .getUploadId();
        PartETag part = MultipartApiIT.upload(oss, b, "mpu", uploadId, 1, HELLO);
        oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(b, "mpu", uploadId, new ArrayList<>(List.of(part))));
        assertEquals(ObjectPermission.Default, oss.getObjectAcl(b, "mpu").getPermission());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_aclAndStorageClassHeaders_areValidatedAndStored(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "putacl-" + version);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setObjectAcl(CannedAccessControlList.PublicRead);
        meta.setHeader("x-oss-storage-class", "Archive");
        oss.putObject(b, "k", new ByteArrayInputStream(HELLO), meta);
        assertEquals(ObjectPermission.PublicRead, oss.getObjectAcl(b, "k").getPermission());
        assertEquals(StorageClass.Archive, oss.getObjectMetadata(b, "k").getObjectStorageClass());

        RawRequests.Response badClass = RawRequests.send(
                clients, version, "PUT", b, "k2", Map.of(), Map.of("x-oss-storage-class", "Glacier"), HELLO);
        assertEquals(400, badClass.status());
        assertEquals("InvalidArgument", badClass.element("Code"));
        assertEquals("Invalid storage class: Glacier", badClass.element("Message"));
        RawRequests.Response badAcl = RawRequests.send(
                clients, version, "PUT", b, "k2", Map.of(), Map.of("x-oss-object-acl", "everyone"), HELLO);
        assertEquals("InvalidArgument", badAcl.element("Code"));
        assertFalse(oss.doesObjectExist(b, "k2"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putBucket_malformedConfiguration_isMalformedXml(SignVersion version, EmulatorClients clients) {
        String b = clients.bucketName("malformed-" + version);
        RawRequests.Response response = RawRequests.send(
                clients,
                version,
                "PUT",
                b,
                null,
                Map.of(),
                Map.of(),
                "<CreateBucketConfiguration><StorageClass>IA".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.status());
        assertEquals("MalformedXML", response.element("Code"));
        assertFalse(clients.client(version).doesBucketExist(b));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void objectTagging_putGetDelete(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = bucket(oss, clients, "tags-" + version);
        ObjectMetadata meta = new ObjectMetadata();
        meta.setObjectTagging(Map.of("env", "dev"));
        oss.putObject(b, "k", new ByteArrayInputStream(HELLO), meta);
        assertEquals(Map.of("env", "dev"), oss.getObjectTagging(b, "k").getAllTags());
        oss.setObjectTagging(b, "k", Map.of("a", "1", "b", "2"));
        TagSet tags = oss.getObjectTagging(b, "k");
        assertEquals(Map.of("a", "1", "b", "2"), tags.getAllTags());
        oss.deleteObjectTagging(b, "k");
        assertTrue(oss.getObjectTagging(b, "k").getAllTags().isEmpty());
    }
}
