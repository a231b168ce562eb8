package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AccessControlList;
import com.aliyun.oss.model.BucketInfo;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.BucketStat;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.DataRedundancyType;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.StorageClass;
import com.aliyun.oss.model.VoidResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service and bucket APIs through the official SDK, signed with V1 and with V4. */
@ExtendWith(EmulatorExtension.class)
class BucketApiIT {

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void createBucket_withConfiguration_isReportedByInfoAndLocation(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("info-" + version);
        CreateBucketRequest request = new CreateBucketRequest(name);
        request.setStorageClass(StorageClass.IA);
        request.setDataRedundancyType(DataRedundancyType.ZRS);
        request.setCannedACL(CannedAccessControlList.PublicRead);
        oss.createBucket(request);

        BucketInfo info = oss.getBucketInfo(name);
        assertEquals(name, info.getBucket().getName());
        assertEquals(StorageClass.IA, info.getBucket().getStorageClass());
        assertEquals(DataRedundancyType.ZRS, info.getDataRedundancyType());
        assertEquals("oss-cn-hangzhou", info.getBucket().getLocation());
        assertEquals("oss-cn-hangzhou", oss.getBucketLocation(name));
        assertEquals(CannedAccessControlList.PublicRead, oss.getBucketAcl(name).getCannedACL());
        assertTrue(oss.doesBucketExist(name));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void createBucket_againByItsOwner_succeedsAndChangesOnlyTheAcl(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("twice-" + version);
        CreateBucketRequest first = new CreateBucketRequest(name);
        first.setStorageClass(StorageClass.IA);
        oss.createBucket(first);

        // PutBucket API reference: a repeated call by the same account modifies the bucket's metadata (its ACL).
        CreateBucketRequest again = new CreateBucketRequest(name);
        again.setStorageClass(StorageClass.Archive);
        again.setCannedACL(CannedAccessControlList.PublicRead);
        assertEquals(24, oss.createBucket(again).getRequestId().length());

        assertEquals(CannedAccessControlList.PublicRead, oss.getBucketAcl(name).getCannedACL());
        assertEquals(StorageClass.IA, oss.getBucketInfo(name).getBucket().getStorageClass());
        oss.createBucket(name);
        assertEquals(CannedAccessControlList.PublicRead, oss.getBucketAcl(name).getCannedACL());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void createBucket_invalidName_isInvalidBucketName(SignVersion version, EmulatorClients clients) {
        // The SDK validates names itself; a raw request proves the emulator refuses them too.
        RawRequests.Response response =
                RawRequests.send(clients, version, "PUT", "Bad_Name", null, Map.of(), Map.of(), null);
        assertEquals(400, response.status());
        assertEquals("InvalidBucketName", response.element("Code"));
        assertEquals("The specified bucket is not valid.", response.element("Message"));
        assertEquals("Bad_Name", response.element("BucketName"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listBuckets_prefixMarkerMaxKeys_pagesInNameOrder(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String prefix = "page-" + version.name().toLowerCase() + "-";
        for (String suffix : new String[] {"c", "a", "b"}) {
            oss.createBucket(prefix + suffix);
        }
        BucketList first = oss.listBuckets(new ListBucketsRequest(prefix, null, 2));
        assertEquals(2, first.getBucketList().size());
        assertEquals(prefix + "a", first.getBucketList().get(0).getName());
        assertEquals(prefix + "b", first.getBucketList().get(1).getName());
        assertTrue(first.isTruncated());
        assertEquals(prefix + "b", first.getNextMarker());
        BucketList second = oss.listBuckets(new ListBucketsRequest(prefix, first.getNextMarker(), 2));
        assertEquals(1, second.getBucketList().size());
        assertEquals(prefix + "c", second.getBucketList().get(0).getName());
        assertFalse(second.isTruncated());
        assertEquals(
                clients.emulator().config().accountId(),
                first.getBucketList().get(0).getOwner().getId());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void deleteBucket_withObjectOrUpload_isBucketNotEmpty(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("notempty-" + version);
        oss.createBucket(name);
        oss.putObject(name, "k", new ByteArrayInputStream(new byte[] {1}));
        OSSException e = assertThrows(OSSException.class, () -> oss.deleteBucket(name));
        assertEquals("BucketNotEmpty", e.getErrorCode());
        assertEquals("The bucket has objects. Please delete them first.", e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>0015-00000301</EC>"), e.getRawResponseError());

        oss.deleteObject(name, "k");
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(name, "m"))
                .getUploadId();
        OSSException pending = assertThrows(OSSException.class, () -> oss.deleteBucket(name));
        assertEquals("BucketNotEmpty", pending.getErrorCode());
        // OSS's own message for this case (the SDK's UploadPartTest checks it), not the objects one.
        assertEquals("The bucket has Multipart Uploads.", pending.getErrorMessage());

        oss.abortMultipartUpload(new com.aliyun.oss.model.AbortMultipartUploadRequest(name, "m", uploadId));
        oss.deleteBucket(name);
        assertFalse(oss.doesBucketExist(name));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void deleteBucket_withOnlyADeleteMarker_isBucketNotEmpty(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("marker-" + version);
        oss.createBucket(name);
        oss.setBucketVersioning(new SetBucketVersioningRequest(name, new BucketVersioningConfiguration("Enabled")));
        oss.deleteObject(name, "never-written");
        assertEquals(
                "BucketNotEmpty",
                assertThrows(OSSException.class, () -> oss.deleteBucket(name)).getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getBucketInfo_missingBucket_isNoSuchBucketWithItsName(SignVersion version, EmulatorClients clients) {
        OSSException e =
                assertThrows(OSSException.class, () -> clients.client(version).getBucketInfo("no-such-bucket-here"));
        assertEquals("NoSuchBucket", e.getErrorCode());
        assertEquals("The specified bucket does not exist.", e.getErrorMessage());
        assertTrue(
                e.getRawResponseError().contains("<BucketName>no-such-bucket-here</BucketName>"),
                e.getRawResponseError());
        assertTrue(e.getRawResponseError().contains("<EC>0015-00000101</EC>"), e.getRawResponseError());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void setBucketAcl_changesTheGrant(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("acl-" + version);
        oss.createBucket(name);
        assertEquals(CannedAccessControlList.Private, oss.getBucketAcl(name).getCannedACL());
        oss.setBucketAcl(name, CannedAccessControlList.PublicReadWrite);
        AccessControlList acl = oss.getBucketAcl(name);
        assertEquals(CannedAccessControlList.PublicReadWrite, acl.getCannedACL());
        assertEquals(clients.emulator().config().accountId(), acl.getOwner().getId());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void setBucketAcl_missingBucket_createsItWithThatAcl(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("aclnew-" + version);

        // PutBucketAcl's documentation: "If the specified bucket does not exist, a new bucket is created."
        VoidResult result = oss.setBucketAcl(name, CannedAccessControlList.PublicRead);
        assertEquals("/" + name, result.getResponse().getHeaders().get("Location"));
        assertTrue(oss.doesBucketExist(name));
        assertEquals(CannedAccessControlList.PublicRead, oss.getBucketAcl(name).getCannedACL());
        assertEquals(
                "/" + name,
                oss.setBucketAcl(name, CannedAccessControlList.Private)
                        .getResponse()
                        .getHeaders()
                        .get("Location"));
        assertEquals(CannedAccessControlList.Private, oss.getBucketAcl(name).getCannedACL());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void setBucketAcl_withoutAclHeader_changesNothing(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("aclnone-" + version);
        oss.createBucket(name);
        oss.setBucketAcl(name, CannedAccessControlList.PublicRead);

        // Documented: without x-oss-acl "the ACL settings do not take effect". The SDK always sends
        // the header, so the request goes out raw.
        Map<String, String> acl = Collections.singletonMap("acl", null);
        RawRequests.Response none = RawRequests.send(clients, version, "PUT", name, null, acl, Map.of(), null);
        assertEquals(200, none.status(), none.body());
        assertEquals(CannedAccessControlList.PublicRead, oss.getBucketAcl(name).getCannedACL());

        String missing = clients.bucketName("aclnonenew-" + version);
        RawRequests.Response created = RawRequests.send(clients, version, "PUT", missing, null, acl, Map.of(), null);
        assertEquals(200, created.status(), created.body());
        assertEquals(CannedAccessControlList.Private, oss.getBucketAcl(missing).getCannedACL());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void setBucketVersioning_enabledThenSuspended_neverBackToUnversioned(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("versioning-" + version);
        oss.createBucket(name);
        assertNull(emptyToNull(oss.getBucketVersioning(name).getStatus()));
        oss.setBucketVersioning(new SetBucketVersioningRequest(name, new BucketVersioningConfiguration("Enabled")));
        assertEquals("Enabled", oss.getBucketVersioning(name).getStatus());
        oss.setBucketVersioning(new SetBucketVersioningRequest(name, new BucketVersioningConfiguration("Suspended")));
        assertEquals("Suspended", oss.getBucketVersioning(name).getStatus());
        OSSException e = assertThrows(
                OSSException.class,
                () -> oss.setBucketVersioning(
                        new SetBucketVersioningRequest(name, new BucketVersioningConfiguration("Off"))));
        assertEquals("MalformedXML", e.getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void getBucketStat_countsObjectsBytesAndUploads(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String name = clients.bucketName("stat-" + version);
        oss.createBucket(name);
        oss.putObject(name, "a", new ByteArrayInputStream(new byte[10]));
        oss.putObject(name, "b", new ByteArrayInputStream(new byte[5]));
        oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(name, "c"));
        BucketStat stat = oss.getBucketStat(name);
        assertEquals(15, stat.getStorageSize());
        assertEquals(2, stat.getObjectCount());
        assertEquals(1, stat.getMultipartUploadCount());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
