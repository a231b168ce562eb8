package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.DeleteVersionsRequest;
import com.aliyun.oss.model.DeleteVersionsResult;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSVersionSummary;
import com.aliyun.oss.model.ObjectAcl;
import com.aliyun.oss.model.ObjectPermission;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.SetObjectAclRequest;
import com.aliyun.oss.model.VersionListing;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Versioned buckets through the SDK, signed with V1 and with V4. */
@ExtendWith(EmulatorExtension.class)
class VersioningApiIT {

    private static String versionedBucket(OSS oss, EmulatorClients clients, String hint) {
        String b = clients.bucketName(hint);
        oss.createBucket(b);
        oss.setBucketVersioning(new SetBucketVersioningRequest(b, new BucketVersioningConfiguration("Enabled")));
        return b;
    }

    private static String put(OSS oss, String b, String key, String content) {
        return oss.putObject(b, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .getVersionId();
    }

    private static String get(OSS oss, String b, String key, String versionId) throws Exception {
        return new String(
                ObjectApiIT.read(oss.getObject(new GetObjectRequest(b, key, versionId))), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_enabled_keepsEveryVersion(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "keep-" + version);
        String v1 = put(oss, b, "k", "one");
        String v2 = put(oss, b, "k", "two");
        assertNotEquals(v1, v2);
        // OSS's version ids are 64 characters (the SDK's ObjectVersionTest checks it).
        assertEquals(64, v1.length());
        assertEquals(64, v2.length());
        assertEquals("two", new String(ObjectApiIT.read(oss.getObject(b, "k")), StandardCharsets.UTF_8));
        assertEquals("one", get(oss, b, "k", v1));
        assertEquals(v1, oss.getObjectMetadata(new GenericRequest(b, "k", v1)).getVersionId());

        OSSException e =
                assertThrows(OSSException.class, () -> oss.getObject(new GetObjectRequest(b, "k", "CAEQnotthere")));
        assertEquals("NoSuchVersion", e.getErrorCode());
        assertEquals("The specified version does not exist.", e.getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void objectAcl_ofAVersion_namesThatVersion(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "veracl-" + version);
        String v1 = put(oss, b, "k", "one");
        String v2 = put(oss, b, "k", "two");
        oss.setObjectAcl(new SetObjectAclRequest(b, "k", v1, CannedAccessControlList.PublicRead));

        ObjectAcl first = oss.getObjectAcl(new GenericRequest(b, "k", v1));
        assertEquals(ObjectPermission.PublicRead, first.getPermission());
        assertEquals(v1, first.getVersionId());
        assertEquals(
                ObjectPermission.Default,
                oss.getObjectAcl(new GenericRequest(b, "k", v2)).getPermission());
        // Without a version id the answer names none.
        assertNull(oss.getObjectAcl(b, "k").getVersionId());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void deleteObject_enabled_addsDeleteMarkerThatHidesTheKey(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "marker-" + version);
        String v1 = put(oss, b, "k", "one");
        RawRequests.Response delete = RawRequests.send(clients, version, "DELETE", b, "k", Map.of(), Map.of(), null);
        assertEquals(204, delete.status());
        assertEquals("true", delete.header("x-oss-delete-marker"));
        String markerId = delete.header("x-oss-version-id");
        assertFalse(oss.doesObjectExist(b, "k"));
        assertEquals(
                "NoSuchKey",
                assertThrows(OSSException.class, () -> oss.getObject(b, "k")).getErrorCode());
        RawRequests.Response hidden = RawRequests.send(clients, version, "GET", b, "k", Map.of(), Map.of(), null);
        assertEquals(404, hidden.status());
        assertEquals("true", hidden.header("x-oss-delete-marker"));
        assertEquals(markerId, hidden.header("x-oss-version-id"));
        RawRequests.Response marker =
                RawRequests.send(clients, version, "GET", b, "k", Map.of("versionId", markerId), Map.of(), null);
        assertEquals(405, marker.status());
        assertEquals("MethodNotAllowed", marker.element("Code"));
        assertEquals("0017-00000002", marker.element("EC"));
        assertEquals("true", marker.header("x-oss-delete-marker"));
        assertEquals("one", get(oss, b, "k", v1));

        VersionListing listing = oss.listVersions(new ListVersionsRequest().withBucketName(b));
        List<OSSVersionSummary> versions = listing.getVersionSummaries();
        // The SDK lists all Version elements before all DeleteMarker elements.
        assertEquals(2, versions.size());
        assertEquals(v1, versions.get(0).getVersionId());
        assertFalse(versions.get(0).isDeleteMarker());
        assertFalse(versions.get(0).isLatest());
        assertTrue(versions.get(1).isDeleteMarker());
        assertTrue(versions.get(1).isLatest());
        assertEquals(markerId, versions.get(1).getVersionId());

        oss.deleteVersion(b, "k", markerId);
        assertEquals("one", new String(ObjectApiIT.read(oss.getObject(b, "k")), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_suspended_replacesTheNullVersion(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "suspend-" + version);
        String kept = put(oss, b, "k", "kept");
        oss.setBucketVersioning(new SetBucketVersioningRequest(b, new BucketVersioningConfiguration("Suspended")));
        assertEquals("null", put(oss, b, "k", "first null"));
        assertEquals("null", put(oss, b, "k", "second null"));
        List<OSSVersionSummary> versions =
                oss.listVersions(new ListVersionsRequest().withBucketName(b)).getVersionSummaries();
        assertEquals(
                List.of("null", kept),
                versions.stream().map(OSSVersionSummary::getVersionId).toList());
        assertEquals("second null", get(oss, b, "k", "null"));
        assertEquals("kept", get(oss, b, "k", kept));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void copyObject_fromAVersion_copiesThatVersion(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "vcopy-" + version);
        String v1 = put(oss, b, "src", "old");
        put(oss, b, "src", "new");
        CopyObjectRequest copy = new CopyObjectRequest(b, "src", b, "dst");
        copy.setSourceVersionId(v1);
        String copied = oss.copyObject(copy).getVersionId();
        assertEquals("old", get(oss, b, "dst", copied));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void listVersions_pagesWithKeyAndVersionMarkers(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "vpages-" + version);
        put(oss, b, "a", "1");
        put(oss, b, "a", "2");
        put(oss, b, "b", "3");
        VersionListing first =
                oss.listVersions(new ListVersionsRequest().withBucketName(b).withMaxResults(2));
        assertEquals(2, first.getVersionSummaries().size());
        assertTrue(first.isTruncated());
        assertEquals("a", first.getNextKeyMarker());
        VersionListing second = oss.listVersions(new ListVersionsRequest()
                .withBucketName(b)
                .withMaxResults(2)
                .withKeyMarker(first.getNextKeyMarker())
                .withVersionIdMarker(first.getNextVersionIdMarker()));
        assertEquals(
                List.of("b"),
                second.getVersionSummaries().stream()
                        .map(OSSVersionSummary::getKey)
                        .toList());
        assertFalse(second.isTruncated());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void deleteVersions_removesVersionsPermanently(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = versionedBucket(oss, clients, "vdel-" + version);
        String v1 = put(oss, b, "k", "1");
        String v2 = put(oss, b, "k", "2");
        DeleteVersionsResult result = oss.deleteVersions(new DeleteVersionsRequest(b)
                .withKeys(List.of(
                        new DeleteVersionsRequest.KeyVersion("k", v1), new DeleteVersionsRequest.KeyVersion("k", v2))));
        assertEquals(2, result.getDeletedVersions().size());
        assertTrue(oss.listVersions(new ListVersionsRequest().withBucketName(b))
                .getVersionSummaries()
                .isEmpty());
        oss.deleteBucket(b);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void putObject_unversioned_reportsNoVersionId(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("plain-" + version);
        oss.createBucket(b);
        assertNull(put(oss, b, "k", "x"));
        assertNull(oss.getObjectMetadata(b, "k").getVersionId());
    }
}
