package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.BucketLoggingResult;
import com.aliyun.oss.model.SetBucketLoggingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PutBucketLogging through the official SDK, checked against OSS's troubleshooting pages:
 * TargetPrefix up to 256 characters (0032-00000006), not starting with '/' or '\' (0032-00000005),
 * and a missing target bucket answered InvalidTargetBucketForLogging (0032-00000008), after the
 * source bucket's own checks.
 */
@ExtendWith(EmulatorExtension.class)
class BucketLoggingIT {

    private static SetBucketLoggingRequest logging(String source, String target, String prefix) {
        SetBucketLoggingRequest request = new SetBucketLoggingRequest(source);
        request.setTargetBucket(target);
        request.setTargetPrefix(prefix);
        return request;
    }

    @Test
    void setBucketLogging_prefixOf256Characters_isStored(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("log-long");
        oss.createBucket(bucket);
        String prefix = "oss-java-sdk-1700000000-1234-5678-prefix/" + "p".repeat(215);

        oss.setBucketLogging(logging(bucket, bucket, prefix));

        BucketLoggingResult got = oss.getBucketLogging(bucket);
        assertEquals(bucket, got.getTargetBucket());
        assertEquals(prefix, got.getTargetPrefix());
    }

    @Test
    void setBucketLogging_withoutPrefix_getAnswersAnEmptyPrefix(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("log-no-prefix");
        oss.createBucket(bucket);

        oss.setBucketLogging(logging(bucket, bucket, null));

        BucketLoggingResult got = oss.getBucketLogging(bucket);
        assertEquals(bucket, got.getTargetBucket());
        assertEquals("", got.getTargetPrefix());
        oss.setBucketLogging(logging(bucket, null, null));
        assertNull(oss.getBucketLogging(bucket).getTargetBucket());
        assertNull(oss.getBucketLogging(bucket).getTargetPrefix());
    }

    @Test
    void setBucketLogging_prefixOver256Characters_isInvalidArgument(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("log-too-long");
        oss.createBucket(bucket);

        OSSException e =
                assertThrows(OSSException.class, () -> oss.setBucketLogging(logging(bucket, bucket, "p".repeat(257))));

        assertEquals("InvalidArgument", e.getErrorCode());
        assertEquals("TargetPrefix can be at most 256 characters long.", e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>0032-00000006</EC>"), e.getRawResponseError());
    }

    @Test
    void setBucketLogging_prefixStartingWithSlash_isInvalidArgument(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("log-slash");
        oss.createBucket(bucket);

        OSSException e = assertThrows(OSSException.class, () -> oss.setBucketLogging(logging(bucket, bucket, "/abc")));

        assertEquals("InvalidArgument", e.getErrorCode());
        assertEquals("TargetPrefix must not start with '/' or '\\'.", e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>0032-00000005</EC>"), e.getRawResponseError());
    }

    @Test
    void setBucketLogging_missingTargetWithLongPrefix_isInvalidTargetBucketForLogging(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("log-source");
        oss.createBucket(bucket);
        // The SDK's own test uses a 42-character prefix here; OSS answers for the target, not the prefix.
        String prefix = "oss-java-sdk-1700000000-1234-5678-prefix";

        OSSException e = assertThrows(
                OSSException.class, () -> oss.setBucketLogging(logging(bucket, "nonexistent-target-bucket", prefix)));

        assertEquals("InvalidTargetBucketForLogging", e.getErrorCode());
        assertEquals("put bucket log requester is not target bucket owner.", e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>0032-00000008</EC>"), e.getRawResponseError());
    }

    @Test
    void setBucketLogging_missingSourceAndTarget_isNoSuchBucketFirst(EmulatorClients clients) {
        OSS oss = clients.v4();

        OSSException e = assertThrows(
                OSSException.class,
                () -> oss.setBucketLogging(logging("nonexistent-source-bucket", "nonexistent-target-bucket", "p")));

        assertEquals("NoSuchBucket", e.getErrorCode());
        assertEquals("The specified bucket does not exist.", e.getErrorMessage());
    }
}
