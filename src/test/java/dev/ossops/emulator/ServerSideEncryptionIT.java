package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.AppendObjectResult;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.CopyObjectResult;
import com.aliyun.oss.model.GenericResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadResult;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.oss.model.UploadPartCopyRequest;
import com.aliyun.oss.model.UploadPartRequest;
import com.aliyun.oss.model.UploadPartResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-side encryption through the official SDK: what PutObject, CopyObject and multipart
 * uploads ask for, or the bucket's default rule, answered on the writes and on every GET and HEAD
 * (OSS's PutObject, InitiateMultipartUpload, UploadPart(Copy) and CompleteMultipartUpload
 * references; the SDK's ObjectEncryptionTest and CMKIDTest make the same checks against OSS).
 */
@ExtendWith(EmulatorExtension.class)
class ServerSideEncryptionIT {
    private static final byte[] DATA =
            "encrypted at rest, supposedly".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final String SSE = "x-oss-server-side-encryption";
    private static final String DATA_SSE = "x-oss-server-side-data-encryption";
    private static final String KEY_ID = "x-oss-server-side-encryption-key-id";

    private static ObjectMetadata sse(String algorithm, String dataEncryption, String keyId) {
        ObjectMetadata meta = new ObjectMetadata();
        if (algorithm != null) {
            meta.setServerSideEncryption(algorithm);
        }
        if (dataEncryption != null) {
            meta.setServerSideDataEncryption(dataEncryption);
        }
        if (keyId != null) {
            meta.setServerSideEncryptionKeyId(keyId);
        }
        return meta;
    }

    private static Map<String, String> headers(GenericResult result) {
        return result.getResponse().getHeaders();
    }

    /** A PutObject request whose answer the SDK keeps (as the SDK's ObjectEncryptionTest does, with an empty process). */
    private static PutObjectRequest put(String b, String key, ObjectMetadata meta) {
        PutObjectRequest request = new PutObjectRequest(b, key, new ByteArrayInputStream(DATA), meta);
        request.setProcess("");
        return request;
    }

    /** The three headers as an answer carries them, absent ones as null. */
    private static List<String> answered(Map<String, String> headers) {
        return java.util.Arrays.asList(headers.get(SSE), headers.get(DATA_SSE), headers.get(KEY_ID));
    }

    private static List<String> stored(ObjectMetadata meta) {
        return java.util.Arrays.asList(
                meta.getServerSideEncryption(),
                meta.getServerSideDataEncryption(),
                meta.getServerSideEncryptionKeyId());
    }

    private static List<String> expect(String algorithm, String dataEncryption, String keyId) {
        return java.util.Arrays.asList(algorithm, dataEncryption, keyId);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void putObject_encryptionHeaders_areAnsweredOnPutGetAndHead(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("sse-put-" + version);
        oss.createBucket(b);
        List<List<String>> cases = List.of(
                expect("AES256", null, null),
                expect("SM4", null, null),
                expect("KMS", null, null),
                expect("KMS", "SM4", null),
                expect("KMS", null, "key-0123"),
                expect("KMS", "SM4", "key-4567"));
        for (List<String> c : cases) {
            String key = String.join("-", c.stream().map(String::valueOf).toList());
            PutObjectResult put = oss.putObject(put(b, key, sse(c.get(0), c.get(1), c.get(2))));
            // No KMS in the emulator: a key id is echoed when one was given, none is invented.
            assertEquals(c, answered(headers(put)), key);
            OSSObject got = oss.getObject(b, key);
            assertArrayEquals(DATA, ObjectApiIT.read(got));
            assertEquals(c, stored(got.getObjectMetadata()), key);
            assertEquals(c, stored(oss.getObjectMetadata(b, key)), key);
        }

        PutObjectResult plain = oss.putObject(put(b, "plain", new ObjectMetadata()));
        assertFalse(headers(plain).containsKey(SSE));
        assertNull(oss.getObjectMetadata(b, "plain").getServerSideEncryption());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void putObject_withoutHeaders_takesTheBucketDefaultOfTheTimeOfWriting(
            SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("sse-default-" + version);
        oss.createBucket(b);
        ServerSideEncryptionByDefault kms = new ServerSideEncryptionByDefault().withSSEAlgorithm("KMS");
        kms.setKMSMasterKeyID("bucket-key");
        oss.setBucketEncryption(new SetBucketEncryptionRequest(
                b, new ServerSideEncryptionConfiguration().withApplyServerSideEncryptionByDefault(kms)));

        PutObjectResult put = oss.putObject(put(b, "by-default", new ObjectMetadata()));
        assertEquals(expect("KMS", null, "bucket-key"), answered(headers(put)));
        assertEquals(expect("KMS", null, "bucket-key"), stored(oss.getObjectMetadata(b, "by-default")));
        // A request's own header wins over the rule.
        oss.putObject(new PutObjectRequest(b, "asked", new ByteArrayInputStream(DATA), sse("AES256", null, null)));
        assertEquals(expect("AES256", null, null), stored(oss.getObjectMetadata(b, "asked")));

        // The rule applies when an object is written: changing it later re-encrypts nothing.
        oss.setBucketEncryption(new SetBucketEncryptionRequest(
                b,
                new ServerSideEncryptionConfiguration()
                        .withApplyServerSideEncryptionByDefault(
                                new ServerSideEncryptionByDefault().withSSEAlgorithm("SM4"))));
        assertEquals(expect("KMS", null, "bucket-key"), stored(oss.getObjectMetadata(b, "by-default")));
        oss.putObject(b, "later", new ByteArrayInputStream(DATA));
        assertEquals(expect("SM4", null, null), stored(oss.getObjectMetadata(b, "later")));
        oss.deleteBucketEncryption(b);
        oss.putObject(b, "after", new ByteArrayInputStream(DATA));
        assertNull(oss.getObjectMetadata(b, "after").getServerSideEncryption());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void putObject_invalidEncryptionHeaders_areRefusedBeforeAnythingIsStored(
            SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("sse-bad-" + version);
        oss.createBucket(b);

        OSSException algorithm = assertThrows(
                OSSException.class,
                () -> oss.putObject(new PutObjectRequest(
                        b, "k", new ByteArrayInputStream(DATA), sse("Invalid-Server-Side-Encryption", null, null))));
        assertEquals("InvalidEncryptionAlgorithmError", algorithm.getErrorCode());
        assertEquals(
                "The Encryption request you specified is not valid. Supported value: AES256/KMS/SM4.",
                algorithm.getErrorMessage());

        OSSException data = assertThrows(
                OSSException.class,
                () -> oss.putObject(
                        new PutObjectRequest(b, "k", new ByteArrayInputStream(DATA), sse("AES256", "SM4", null))));
        assertEquals("InvalidArgument", data.getErrorCode());
        assertEquals(
                "x-oss-server-side-data-encryption is not applicable if x-oss-server-side-encryption is not KMS.",
                data.getErrorMessage());

        OSSException keyId = assertThrows(
                OSSException.class,
                () -> oss.putObject(
                        new PutObjectRequest(b, "k", new ByteArrayInputStream(DATA), sse("SM4", null, "key-1"))));
        assertEquals(
                "x-oss-server-side-encryption-key-id is not applicable if x-oss-server-side-encryption is not KMS.",
                keyId.getErrorMessage());

        OSSException notSm4 = assertThrows(
                OSSException.class,
                () -> oss.putObject(
                        new PutObjectRequest(b, "k", new ByteArrayInputStream(DATA), sse("KMS", "AES256", null))));
        assertEquals("x-oss-server-side-data-encryption only supports SM4.", notSm4.getErrorMessage());

        // An empty key id with KMS is OSS's error 0005-00000205; the SDK does not send empty headers, so raw.
        RawRequests.Response empty =
                RawRequests.send(clients, version, "PUT", b, "k", Map.of(), Map.of(SSE, "KMS", KEY_ID, ""), DATA);
        assertEquals(400, empty.status());
        assertEquals("InvalidArgument", empty.element("Code"));
        assertEquals("0005-00000205", empty.element("EC"));
        assertFalse(oss.doesObjectExist(b, "k"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void copyObject_encryption_isTheRequestsNotTheSources(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("sse-copy-" + version);
        oss.createBucket(b);
        oss.putObject(new PutObjectRequest(b, "source", new ByteArrayInputStream(DATA), sse("SM4", null, null)));

        CopyObjectResult plain = oss.copyObject(b, "source", b, "plain");
        assertFalse(headers(plain).containsKey(SSE));
        assertNull(oss.getObjectMetadata(b, "plain").getServerSideEncryption());

        CopyObjectRequest withKms = new CopyObjectRequest(b, "source", b, "kms");
        withKms.setNewObjectMetadata(sse("KMS", "SM4", null));
        CopyObjectResult kms = oss.copyObject(withKms);
        assertEquals(expect("KMS", "SM4", null), answered(headers(kms)));
        assertEquals(expect("KMS", "SM4", null), stored(oss.getObjectMetadata(b, "kms")));

        // The headers are checked before the source is looked for (the SDK's CopyObjectTest).
        CopyObjectRequest invalid = new CopyObjectRequest(b, "no-such-source", b, "target");
        invalid.setServerSideEncryption("Invalid-Encryption-Algo");
        OSSException e = assertThrows(OSSException.class, () -> oss.copyObject(invalid));
        assertEquals("InvalidEncryptionAlgorithmError", e.getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void multipartUpload_initiateEncryption_isAnsweredByEveryStepAndKeptByTheObject(
            SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("sse-mpu-" + version);
        oss.createBucket(b);
        oss.putObject(b, "source", new ByteArrayInputStream(DATA));
        List<String> kms = expect("KMS", "SM4", "key-89ab");

        InitiateMultipartUploadResult initiated = oss.initiateMultipartUpload(
                new InitiateMultipartUploadRequest(b, "mpu", sse("KMS", "SM4", "key-89ab")));
        assertEquals(kms, answered(headers(initiated)));
        String uploadId = initiated.getUploadId();
        byte[] first = MultipartApiIT.random(100 * 1024, 1);
        UploadPartResult part = oss.uploadPart(
                new UploadPartRequest(b, "mpu", uploadId, 1, new ByteArrayInputStream(first), first.length));
        assertEquals(kms, answered(headers(part)));
        UploadPartCopyRequest copy = new UploadPartCopyRequest(b, "source", b, "mpu", uploadId, 2, null, null);
        PartETag copied = oss.uploadPartCopy(copy).getPartETag();
        CompleteMultipartUploadRequest complete = new CompleteMultipartUploadRequest(
                b, "mpu", uploadId, new ArrayList<>(List.of(part.getPartETag(), copied)));
        complete.setProcess("");
        CompleteMultipartUploadResult completed = oss.completeMultipartUpload(complete);
        assertEquals(kms, answered(headers(completed)));
        assertEquals(kms, stored(oss.getObjectMetadata(b, "mpu")));

        // Without the header, the bucket's rule at InitiateMultipartUpload decides.
        oss.setBucketEncryption(new SetBucketEncryptionRequest(
                b,
                new ServerSideEncryptionConfiguration()
                        .withApplyServerSideEncryptionByDefault(
                                new ServerSideEncryptionByDefault().withSSEAlgorithm("AES256"))));
        InitiateMultipartUploadResult byDefault =
                oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(b, "mpu2"));
        assertEquals(expect("AES256", null, null), answered(headers(byDefault)));
        PartETag only = MultipartApiIT.upload(oss, b, "mpu2", byDefault.getUploadId(), 1, DATA);
        oss.completeMultipartUpload(
                new CompleteMultipartUploadRequest(b, "mpu2", byDefault.getUploadId(), new ArrayList<>(List.of(only))));
        assertEquals(expect("AES256", null, null), stored(oss.getObjectMetadata(b, "mpu2")));
        assertTrue(oss.doesObjectExist(b, "mpu2"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void appendObject_encryptionOfTheFirstAppend_isAnsweredByEveryAppend(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("sse-append-" + version);
        oss.createBucket(b);
        AppendObjectRequest first =
                new AppendObjectRequest(b, "log", new ByteArrayInputStream(DATA), sse("SM4", null, null));
        first.setPosition(0L);
        AppendObjectResult one = oss.appendObject(first);
        assertEquals(expect("SM4", null, null), answered(headers(one)));

        // A later append asking for another encryption changes nothing (the SDK's ObjectEncryptionTest).
        AppendObjectRequest second =
                new AppendObjectRequest(b, "log", new ByteArrayInputStream(DATA), sse("KMS", "SM4", null));
        second.setPosition(one.getNextPosition());
        assertEquals(expect("SM4", null, null), answered(headers(oss.appendObject(second))));
        assertEquals(expect("SM4", null, null), stored(oss.getObjectMetadata(b, "log")));
        // Headers that would be refused on the creating append are not looked at on a later one.
        AppendObjectRequest third =
                new AppendObjectRequest(b, "log", new ByteArrayInputStream(DATA), sse("AES256", "SM4", null));
        third.setPosition(2L * DATA.length);
        assertEquals(expect("SM4", null, null), answered(headers(oss.appendObject(third))));
        AppendObjectRequest inconsistent =
                new AppendObjectRequest(b, "log3", new ByteArrayInputStream(DATA), sse("AES256", "SM4", null));
        inconsistent.setPosition(0L);
        OSSException refused = assertThrows(OSSException.class, () -> oss.appendObject(inconsistent));
        assertEquals(
                "x-oss-server-side-data-encryption is not applicable if x-oss-server-side-encryption is not KMS.",
                refused.getErrorMessage());
        assertFalse(oss.doesObjectExist(b, "log3"));

        // Created without headers in a bucket with a default rule: the rule's encryption.
        oss.setBucketEncryption(new SetBucketEncryptionRequest(
                b,
                new ServerSideEncryptionConfiguration()
                        .withApplyServerSideEncryptionByDefault(
                                new ServerSideEncryptionByDefault().withSSEAlgorithm("AES256"))));
        AppendObjectRequest plain =
                new AppendObjectRequest(b, "log2", new ByteArrayInputStream(DATA), new ObjectMetadata());
        plain.setPosition(0L);
        assertEquals(expect("AES256", null, null), answered(headers(oss.appendObject(plain))));
    }
}
