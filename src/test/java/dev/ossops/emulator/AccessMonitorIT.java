package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import com.aliyun.oss.model.StorageClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PutBucketAccessMonitor / GetBucketAccessMonitor through the official SDK (API reference:
 * Status Enabled or Disabled, Disabled by default, and Disabled only while no lifecycle rule is
 * based on the last access time), with GetBucketInfo reporting the state and its Comment.
 */
@ExtendWith(EmulatorExtension.class)
class AccessMonitorIT {

    private static SetBucketLifecycleRequest accessTimeRule(String bucket) {
        LifecycleRule.StorageTransition toIa = new LifecycleRule.StorageTransition();
        toIa.setStorageClass(StorageClass.IA);
        toIa.setExpirationDays(30);
        toIa.setIsAccessTime(true);
        toIa.setReturnToStdWhenVisit(false);
        LifecycleRule rule = new LifecycleRule("cold-after-30-days", "logs/", LifecycleRule.RuleStatus.Enabled);
        rule.setStorageTransition(List.of(toIa));
        SetBucketLifecycleRequest request = new SetBucketLifecycleRequest(bucket);
        request.setLifecycleRules(List.of(rule));
        return request;
    }

    @Test
    void getBucketAccessMonitor_neverSet_isDisabled(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("monitor-default");
        oss.createBucket(bucket);

        assertEquals("Disabled", oss.getBucketAccessMonitor(bucket).getStatus());
        assertEquals("Disabled", oss.getBucketInfo(bucket).getBucket().getAccessMonitor());
    }

    @Test
    void putBucketAccessMonitor_enableThenDisable_isReturnedAndInBucketInfo(EmulatorClients clients) {
        OSS oss = clients.v1();
        String bucket = clients.bucketName("monitor-toggle");
        oss.createBucket(bucket);

        oss.putBucketAccessMonitor(bucket, "Enabled");
        assertEquals("Enabled", oss.getBucketAccessMonitor(bucket).getStatus());
        assertEquals("Enabled", oss.getBucketInfo(bucket).getBucket().getAccessMonitor());

        oss.putBucketAccessMonitor(bucket, "Disabled");
        assertEquals("Disabled", oss.getBucketAccessMonitor(bucket).getStatus());
    }

    @Test
    void putBucketAccessMonitor_disabledWhileARuleUsesAccessTime_isRefusedUntilTheRuleIsGone(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("monitor-lifecycle");
        oss.createBucket(bucket);
        oss.putBucketAccessMonitor(bucket, "Enabled");
        oss.setBucketLifecycle(accessTimeRule(bucket));

        OSSException e = assertThrows(OSSException.class, () -> oss.putBucketAccessMonitor(bucket, "Disabled"));

        assertEquals("AccessMonitorDisableNotAllowed", e.getErrorCode());
        assertEquals(
                "Access tracking cannot be disabled while lifecycle rules are based on the last access time.",
                e.getErrorMessage());
        assertEquals("Enabled", oss.getBucketAccessMonitor(bucket).getStatus());
        oss.deleteBucketLifecycle(bucket);
        oss.putBucketAccessMonitor(bucket, "Disabled");
        assertEquals("Disabled", oss.getBucketAccessMonitor(bucket).getStatus());
    }

    @Test
    void putBucketAccessMonitor_missingBucket_isNoSuchBucket(EmulatorClients clients) {
        OSSException e = assertThrows(
                OSSException.class, () -> clients.v4().putBucketAccessMonitor("monitor-missing", "Enabled"));
        assertEquals("NoSuchBucket", e.getErrorCode());
    }

    @Test
    void getBucketInfo_comment_isPresentAndEmpty(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("info-comment");
        oss.createBucket(bucket);

        assertEquals("", oss.getBucketInfo(bucket).getComment());
    }

    @Test
    void getObjectMeta_lastAccessTime_isAnsweredOnlyWhileAccessIsTracked(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("monitor-meta");
        oss.createBucket(bucket);
        oss.putObject(bucket, "a.txt", new java.io.ByteArrayInputStream("a".getBytes()));
        GenericRequest meta = new GenericRequest(bucket, "a.txt");

        assertNull(oss.getSimplifiedObjectMeta(meta).getHeaders().get("x-oss-last-access-time"));

        oss.putBucketAccessMonitor(bucket, "Enabled");
        assertNotNull(oss.getSimplifiedObjectMeta(meta).getHeaders().get("x-oss-last-access-time"));
    }
}
