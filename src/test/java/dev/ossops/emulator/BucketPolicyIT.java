package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PutBucketPolicy with resources whose bucket segment is a pattern, as in OSS's own samples
 * ({@code acs:oss:*:<uid>:*}{@code /*}, troubleshooting page 0030-00000005): accepted through the
 * official SDK, returned unchanged, and enforced for this bucket.
 */
@ExtendWith(EmulatorExtension.class)
class BucketPolicyIT {

    private static RawRequests.Response anonymousGet(EmulatorClients clients, String bucket, String key) {
        return RawRequests.sendSigned(clients.endpoint(), "GET", bucket, key, Map.of(), Map.of(), null);
    }

    @Test
    void setBucketPolicy_wildcardBucketResource_isStoredAndEnforced(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("policy-star");
        oss.createBucket(bucket);
        oss.putObject(bucket, "user1/a.txt", new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)));
        oss.putObject(bucket, "user2/b.txt", new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8)));
        String account = clients.emulator().config().accountId();
        String policy = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                + "\"Principal\":[\"*\"],\"Resource\":[\"acs:oss:*:" + account + ":*/user1/*\"]}]}";

        oss.setBucketPolicy(bucket, policy);

        assertEquals(policy, oss.getBucketPolicy(bucket).getPolicyText());
        RawRequests.Response granted = anonymousGet(clients, bucket, "user1/a.txt");
        assertEquals(200, granted.status());
        assertEquals("a", granted.body());
        assertEquals(403, anonymousGet(clients, bucket, "user2/b.txt").status());
    }

    @Test
    void setBucketPolicy_patternForOtherBuckets_isInvalidPolicyDocument(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("policy-other");
        oss.createBucket(bucket);
        String policy = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                + "\"Principal\":[\"*\"],\"Resource\":[\"acs:oss:*:*:logs-*/*\"]}]}";

        OSSException e = assertThrows(OSSException.class, () -> oss.setBucketPolicy(bucket, policy));

        assertEquals("InvalidPolicyDocument", e.getErrorCode());
        assertEquals(
                "The resource acs:oss:*:*:logs-*/* does not belong to bucket " + bucket + ".", e.getErrorMessage());
    }
}
