package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.AppendObjectResult;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSVersionSummary;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.SealAppendObjectRequest;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import dev.ossops.checksum.Crc64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * AppendObject and SealAppendObject through the official SDK (its CRC-64 check on: every append
 * passes the CRC so far, and the SDK compares the combined value with the whole object's
 * x-oss-hash-crc64ecma), with raw requests where the SDK hides the wire.
 */
@ExtendWith(EmulatorExtension.class)
class AppendObjectIT {
    private static final byte[] FIRST = "first line\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECOND = "second line\n".getBytes(StandardCharsets.UTF_8);

    private static String bucket(OSS oss, EmulatorClients clients, String hint) {
        String name = clients.bucketName(hint);
        oss.createBucket(name);
        return name;
    }

    private static AppendObjectResult append(
            OSS oss, String bucket, String key, long position, Long initCrc, byte[] data) {
        AppendObjectRequest request = new AppendObjectRequest(bucket, key, new ByteArrayInputStream(data));
        request.setPosition(position);
        request.setInitCRC(initCrc);
        return oss.appendObject(request);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void appendObject_twoAppends_growOneAppendableObjectWithTheWholeObjectsCrc(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append");
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("text/plain");
        AppendObjectRequest first = new AppendObjectRequest(b, "log.txt", new ByteArrayInputStream(FIRST), meta);
        first.setPosition(0L);
        first.setInitCRC(0L);
        AppendObjectResult one = oss.appendObject(first);
        assertEquals(FIRST.length, one.getNextPosition());
        assertEquals(Long.toUnsignedString(Crc64.of(FIRST)), one.getObjectCRC());

        AppendObjectResult two = append(oss, b, "log.txt", one.getNextPosition(), one.getClientCRC(), SECOND);
        byte[] all = concat(FIRST, SECOND);
        assertEquals(all.length, two.getNextPosition());
        assertEquals(Long.toUnsignedString(Crc64.of(all)), two.getObjectCRC());

        assertArrayEquals(all, ObjectApiIT.read(oss.getObject(b, "log.txt")));
        ObjectMetadata head = oss.getObjectMetadata(b, "log.txt");
        assertEquals("Appendable", head.getObjectType());
        assertEquals("text/plain", head.getContentType());
        assertEquals(Long.toString(all.length), head.getRawMetadata().get("x-oss-next-append-position"));
        assertEquals(Long.toUnsignedString(Crc64.of(all)), head.getServerCRC().toString());
        assertEquals(
                "Appendable", oss.listObjects(b).getObjectSummaries().get(0).getType());
    }

    @Test
    void appendObject_laterAppend_keepsTheFirstAppendsMetadataAndChangesTheEtag(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append-meta");
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType("text/csv");
        meta.addUserMetadata("source", "sensor-1");
        AppendObjectRequest first = new AppendObjectRequest(b, "data.csv", new ByteArrayInputStream(FIRST), meta);
        first.setPosition(0L);
        oss.appendObject(first);
        String etagAfterFirst = oss.getObjectMetadata(b, "data.csv").getETag();
        ObjectMetadata other = new ObjectMetadata();
        other.setContentType("application/json");
        AppendObjectRequest second = new AppendObjectRequest(b, "data.csv", new ByteArrayInputStream(SECOND), other);
        second.setPosition((long) FIRST.length);
        oss.appendObject(second);
        ObjectMetadata head = oss.getObjectMetadata(b, "data.csv");
        assertEquals("text/csv", head.getContentType());
        assertEquals(Map.of("source", "sensor-1"), head.getUserMetadata());
        assertNotEquals(etagAfterFirst, head.getETag());
    }

    @Test
    void appendObject_wrongPosition_isPositionNotEqualToLengthNamingTheNextPosition(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append-pos");
        append(oss, b, "log.txt", 0, 0L, FIRST);
        OSSException e = assertThrows(OSSException.class, () -> append(oss, b, "log.txt", 3, null, SECOND));
        assertEquals("PositionNotEqualToLength", e.getErrorCode());
        assertEquals("Position is not equal to file length", e.getErrorMessage());

        RawRequests.Response raw = RawRequests.send(
                clients, SignVersion.V4, "POST", b, "log.txt", Map.of("append", "", "position", "0"), Map.of(), SECOND);
        assertEquals(409, raw.status());
        assertEquals(Long.toString(FIRST.length), raw.header("x-oss-next-append-position"));
        assertEquals("0026-00000016", raw.element("EC"));
        assertArrayEquals(FIRST, ObjectApiIT.read(oss.getObject(b, "log.txt")));
    }

    @Test
    void appendObject_missingKeyAtNonZeroPosition_isPositionNotEqualToLengthAndCreatesNothing(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append-new");
        OSSException e = assertThrows(OSSException.class, () -> append(oss, b, "new.txt", 5, null, FIRST));
        assertEquals("PositionNotEqualToLength", e.getErrorCode());
        assertEquals(false, oss.doesObjectExist(b, "new.txt"));
    }

    @Test
    void appendObject_onNormalObject_isObjectNotAppendable(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append-normal");
        oss.putObject(b, "normal.txt", new ByteArrayInputStream(FIRST));
        OSSException e =
                assertThrows(OSSException.class, () -> append(oss, b, "normal.txt", FIRST.length, null, SECOND));
        assertEquals("ObjectNotAppendable", e.getErrorCode());
        assertEquals("The object is not appendable", e.getErrorMessage());
        assertArrayEquals(FIRST, ObjectApiIT.read(oss.getObject(b, "normal.txt")));
    }

    @Test
    void appendObject_withoutPosition_isMissingArgument(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append-nopos");
        RawRequests.Response raw =
                RawRequests.send(clients, SignVersion.V4, "POST", b, "log.txt", Map.of("append", ""), Map.of(), FIRST);
        assertEquals(411, raw.status());
        assertEquals("MissingArgument", raw.element("Code"));
        assertEquals("position", raw.element("ArgumentName"));
        assertEquals("0016-00000501", raw.element("EC"));
    }

    @Test
    void appendObject_versionedBucket_growsInPlaceAndPutObjectKeepsItAsAPreviousVersion(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "append-versions");
        oss.setBucketVersioning(new SetBucketVersioningRequest(b, new BucketVersioningConfiguration("Enabled")));
        append(oss, b, "log.txt", 0, 0L, FIRST);
        append(oss, b, "log.txt", FIRST.length, null, SECOND);
        List<OSSVersionSummary> afterAppends =
                oss.listVersions(new ListVersionsRequest().withBucketName(b)).getVersionSummaries();
        assertEquals(1, afterAppends.size(), "appends create no previous versions");
        String appendableVersion = afterAppends.get(0).getVersionId();

        oss.putObject(b, "log.txt", new ByteArrayInputStream(SECOND));
        OSSException e = assertThrows(OSSException.class, () -> append(oss, b, "log.txt", SECOND.length, null, FIRST));
        assertEquals("ObjectNotAppendable", e.getErrorCode());
        List<OSSVersionSummary> versions =
                oss.listVersions(new ListVersionsRequest().withBucketName(b)).getVersionSummaries();
        assertEquals(2, versions.size());
        assertEquals(appendableVersion, versions.get(1).getVersionId());
        assertArrayEquals(
                concat(FIRST, SECOND),
                ObjectApiIT.read(
                        oss.getObject(new com.aliyun.oss.model.GetObjectRequest(b, "log.txt", appendableVersion))));

        // After a delete marker, position 0 starts a new Appendable version.
        oss.deleteObject(b, "log.txt");
        AppendObjectResult fresh = append(oss, b, "log.txt", 0, 0L, FIRST);
        assertEquals(FIRST.length, fresh.getNextPosition());
        assertEquals(
                4,
                oss.listVersions(new ListVersionsRequest().withBucketName(b))
                        .getVersionSummaries()
                        .size());
        assertNotNull(oss.getObjectMetadata(b, "log.txt").getVersionId());
    }

    @Test
    void sealAppendObject_sealsOnceKeepsTheFirstTimeAndRefusesFurtherAppends(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "seal");
        append(oss, b, "log.txt", 0, 0L, FIRST);
        assertNull(oss.getObjectMetadata(b, "log.txt").getSealedTime());

        oss.sealAppendObject(new SealAppendObjectRequest(b, "log.txt").withPosition((long) FIRST.length));
        ObjectMetadata head = oss.getObjectMetadata(b, "log.txt");
        Date sealed = head.getSealedTime();
        assertNotNull(sealed);
        assertEquals("Appendable", head.getObjectType());
        assertNull(head.getRawMetadata().get("x-oss-next-append-position"));
        assertEquals(sealed, oss.getObject(b, "log.txt").getObjectMetadata().getSealedTime());

        RawRequests.Response again = RawRequests.send(
                clients,
                SignVersion.V4,
                "POST",
                b,
                "log.txt",
                Map.of("seal", "", "position", Integer.toString(FIRST.length)),
                Map.of(),
                new byte[0]);
        assertEquals(200, again.status());
        assertEquals(head.getRawMetadata().get("x-oss-sealed-time"), again.header("x-oss-sealed-time"));

        OSSException e = assertThrows(OSSException.class, () -> append(oss, b, "log.txt", FIRST.length, null, SECOND));
        assertEquals("ObjectNotAppendable", e.getErrorCode());
        assertArrayEquals(FIRST, ObjectApiIT.read(oss.getObject(b, "log.txt")));
    }

    @Test
    void sealAppendObject_wrongPositionOrNormalObject_isRefused(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = bucket(oss, clients, "seal-refused");
        append(oss, b, "log.txt", 0, 0L, FIRST);
        OSSException position = assertThrows(
                OSSException.class,
                () -> oss.sealAppendObject(new SealAppendObjectRequest(b, "log.txt").withPosition(1L)));
        assertEquals("PositionNotEqualToLength", position.getErrorCode());
        oss.putObject(b, "normal.txt", new ByteArrayInputStream(FIRST));
        OSSException normal = assertThrows(
                OSSException.class,
                () -> oss.sealAppendObject(
                        new SealAppendObjectRequest(b, "normal.txt").withPosition((long) FIRST.length)));
        assertEquals("ObjectNotAppendable", normal.getErrorCode());
        OSSException missing = assertThrows(
                OSSException.class,
                () -> oss.sealAppendObject(new SealAppendObjectRequest(b, "missing.txt").withPosition(0L)));
        assertEquals("NoSuchKey", missing.getErrorCode());
    }
}
