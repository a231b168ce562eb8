package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.SetBucketResourceGroupRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Resource groups through the official SDK, checked against the API reference: PutBucket's
 * x-oss-resource-group-id, Put/GetBucketResourceGroup (rg-default-id for a bucket never moved),
 * GetBucketInfo's ResourceGroupId, ListBuckets' x-oss-resource-group-id filter, and ids that do
 * not start with rg- refused (troubleshooting page 0017-00000138).
 */
@ExtendWith(EmulatorExtension.class)
class ResourceGroupIT {
    private static final String INVALID =
            "The resource group id must start with rg- followed by letters, digits and hyphens.";

    private static List<Bucket> listed(OSS oss, String prefix, String group) {
        ListBucketsRequest request = new ListBucketsRequest(prefix, null, 100);
        request.setResourceGroupId(group);
        return oss.listBuckets(request).getBucketList();
    }

    @Test
    void getBucketResourceGroup_neverSet_isTheDefaultGroup(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("rg-default");
        oss.createBucket(bucket);

        assertEquals("rg-default-id", oss.getBucketResourceGroup(bucket).getResourceGroupId());
        assertEquals("rg-default-id", oss.getBucketInfo(bucket).getBucket().getResourceGroupId());
    }

    @Test
    void createBucket_inAGroup_isReportedAndListedByGroupOnly(EmulatorClients clients) {
        OSS oss = clients.v1();
        String bucket = clients.bucketName("rg-created");
        oss.createBucket(new CreateBucketRequest(bucket).withResourceGroupId("rg-aek27tc0001"));

        assertEquals("rg-aek27tc0001", oss.getBucketResourceGroup(bucket).getResourceGroupId());
        assertEquals("rg-aek27tc0001", oss.getBucketInfo(bucket).getBucket().getResourceGroupId());
        // Without the header every bucket is listed and none carries its group.
        List<Bucket> all = listed(oss, bucket, null);
        assertEquals(1, all.size());
        assertNull(all.get(0).getResourceGroupId());
        List<Bucket> inGroup = listed(oss, bucket, "rg-aek27tc0001");
        assertEquals(1, inGroup.size());
        assertEquals("rg-aek27tc0001", inGroup.get(0).getResourceGroupId());
        assertEquals(List.of(), listed(oss, bucket, "rg-default-id"));
    }

    @Test
    void setBucketResourceGroup_movesTheBucketBetweenListings(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("rg-moved");
        oss.createBucket(bucket);
        assertEquals(1, listed(oss, bucket, "rg-default-id").size());

        oss.setBucketResourceGroup(new SetBucketResourceGroupRequest(bucket, "rg-team-media"));

        assertEquals("rg-team-media", oss.getBucketResourceGroup(bucket).getResourceGroupId());
        assertEquals(List.of(), listed(oss, bucket, "rg-default-id"));
        assertEquals(
                "rg-team-media", listed(oss, bucket, "rg-team-media").get(0).getResourceGroupId());
    }

    @Test
    void resourceGroupId_withoutRgPrefix_isInvalidArgument(EmulatorClients clients) {
        OSS oss = clients.v4();
        String bucket = clients.bucketName("rg-invalid");
        OSSException create = assertThrows(
                OSSException.class,
                () -> oss.createBucket(new CreateBucketRequest(bucket).withResourceGroupId("r-aek27tc0001")));
        assertEquals("InvalidArgument", create.getErrorCode());
        assertEquals(INVALID, create.getErrorMessage());
        assertEquals(false, oss.doesBucketExist(bucket));

        oss.createBucket(bucket);
        OSSException put = assertThrows(
                OSSException.class,
                () -> oss.setBucketResourceGroup(new SetBucketResourceGroupRequest(bucket, "group\r\nx")));
        assertEquals("InvalidArgument", put.getErrorCode());
        assertEquals(INVALID, put.getErrorMessage());
        OSSException list = assertThrows(OSSException.class, () -> listed(oss, bucket, "default"));
        assertEquals(INVALID, list.getErrorMessage());
        assertEquals("rg-default-id", oss.getBucketResourceGroup(bucket).getResourceGroupId());
    }
}
