package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.OSSVersionSummary;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.RestoreConfiguration;
import com.aliyun.oss.model.RestoreJobParameters;
import com.aliyun.oss.model.RestoreObjectResult;
import com.aliyun.oss.model.RestoreTier;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.StorageClass;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RestoreObject and the archived storage classes through the official SDK. Each test runs its own
 * emulator on a clock stopped at the test's start, which the test moves: a restore takes the
 * configured minute on that clock, so "ongoing" and "restored" are both seen without waiting, and
 * the restored copy's expiry date is exact. The SDK signs with real time; past the signature's
 * 15-minute window, raw requests are signed with the clock's offset.
 */
class RestoreObjectIT {
    private static final Duration DELAY = Duration.ofMinutes(1);
    private static final byte[] CONTENT = "frozen bytes".getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final MutableClock clock = MutableClock.at(start);
    private Emulator emulator;
    private EmulatorClients clients;
    private OSS oss;

    @BeforeEach
    void start(@TempDir Path dir) {
        emulator = new Emulator(
                        EmulatorConfig.builder()
                                .port(0)
                                .dataDir(dir)
                                .restoreDelay(DELAY)
                                .build(),
                        id -> Optional.empty(),
                        BucketConfigRegistry.defaults(),
                        clock)
                .start();
        clients = new EmulatorClients(emulator);
        oss = clients.v4();
        oss.createBucket("frozen");
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    private void put(String key, StorageClass storageClass) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setHeader("x-oss-storage-class", storageClass.toString());
        oss.putObject("frozen", key, new ByteArrayInputStream(CONTENT), meta);
    }

    private static String restored(Instant expiry) {
        return "ongoing-request=\"false\", expiry-date=\"" + GMT.format(expiry) + "\"";
    }

    @Test
    void restoreObject_archive_isOngoingThenReadableUntilItsExpiryDate() throws Exception {
        put("a.bin", StorageClass.Archive);
        ObjectMetadata frozen = oss.getObjectMetadata("frozen", "a.bin");
        assertEquals(StorageClass.Archive, frozen.getObjectStorageClass());
        assertNull(frozen.getObjectRawRestore());
        assertEquals(
                "Archive", oss.listObjects("frozen").getObjectSummaries().get(0).getStorageClass());
        OSSException unreadable = assertThrows(OSSException.class, () -> oss.getObject("frozen", "a.bin"));
        assertEquals("InvalidObjectState", unreadable.getErrorCode());
        assertEquals("The operation is not valid for the object's state", unreadable.getErrorMessage());

        assertEquals(202, oss.restoreObject("frozen", "a.bin").getStatusCode());
        ObjectMetadata ongoing = oss.getObjectMetadata("frozen", "a.bin");
        assertEquals("ongoing-request=\"true\"", ongoing.getObjectRawRestore());
        assertFalse(ongoing.isRestoreCompleted());
        assertEquals(
                "InvalidObjectState",
                assertThrows(OSSException.class, () -> oss.getObject("frozen", "a.bin"))
                        .getErrorCode());
        OSSException again = assertThrows(OSSException.class, () -> oss.restoreObject("frozen", "a.bin"));
        assertEquals("RestoreAlreadyInProgress", again.getErrorCode());
        assertEquals(
                409,
                RawRequests.send(
                                clients,
                                SignVersion.V4,
                                "POST",
                                "frozen",
                                "a.bin",
                                Map.of("restore", ""),
                                Map.of(),
                                new byte[0])
                        .status());

        clock.advance(DELAY);
        ObjectMetadata done = oss.getObjectMetadata("frozen", "a.bin");
        assertTrue(done.isRestoreCompleted());
        assertEquals(restored(start.plus(DELAY).plus(Duration.ofDays(1))), done.getObjectRawRestore());
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject("frozen", "a.bin")));

        // Restoring a restored copy extends it from now, answered 200.
        clock.advance(Duration.ofMinutes(5));
        assertEquals(200, oss.restoreObject("frozen", "a.bin").getStatusCode());
        assertEquals(
                restored(start.plus(DELAY).plus(Duration.ofMinutes(5)).plus(Duration.ofDays(1))),
                oss.getObjectMetadata("frozen", "a.bin").getObjectRawRestore());
    }

    @Test
    void restoreObject_afterTheCopyExpires_isUnreadableAgainAndCanBeRestoredAgain() {
        put("a.bin", StorageClass.Archive);
        oss.restoreObject("frozen", "a.bin");
        Duration later = DELAY.plus(Duration.ofDays(1));
        clock.advance(later);
        RawRequests.Response head = shifted(later, "HEAD", Map.of());
        assertEquals(200, head.status());
        assertNull(head.header("x-oss-restore"));
        RawRequests.Response get = shifted(later, "GET", Map.of());
        assertEquals(403, get.status());
        assertEquals("InvalidObjectState", get.element("Code"));
        assertEquals(202, shifted(later, "POST", Map.of("restore", "")).status());
        assertEquals(
                "ongoing-request=\"true\"", shifted(later, "HEAD", Map.of()).header("x-oss-restore"));
    }

    /** A request on a.bin signed with the emulator clock's offset from real time, past the SDK's 15-minute window. */
    private RawRequests.Response shifted(Duration offset, String method, Map<String, String> params) {
        return RawRequests.send(
                clients,
                SignVersion.V4,
                clients.keyId(),
                clients.secret(),
                offset.toMillis(),
                method,
                "frozen",
                "a.bin",
                params,
                Map.of(),
                method.equals("POST") ? new byte[0] : null);
    }

    @Test
    void restoreObject_coldArchiveWithDaysAndTier_expiresThatManyDaysAfterCompletion() {
        put("cold.bin", StorageClass.ColdArchive);
        RestoreConfiguration days =
                new RestoreConfiguration(5, new RestoreJobParameters(RestoreTier.RESTORE_TIER_BULK));
        assertEquals(202, oss.restoreObject("frozen", "cold.bin", days).getStatusCode());
        clock.advance(DELAY);
        ObjectMetadata head = oss.getObjectMetadata("frozen", "cold.bin");
        assertEquals(StorageClass.ColdArchive, head.getObjectStorageClass());
        assertEquals(restored(start.plus(DELAY).plus(Duration.ofDays(5))), head.getObjectRawRestore());
    }

    @Test
    void restoreObject_requestsOutsideTheDocumentedLimits_areRefused() {
        put("a.bin", StorageClass.Archive);
        put("deep.bin", StorageClass.DeepColdArchive);
        OSSException tierOnArchive = assertThrows(
                OSSException.class,
                () -> oss.restoreObject(
                        "frozen",
                        "a.bin",
                        new RestoreConfiguration(2, new RestoreJobParameters(RestoreTier.RESTORE_TIER_EXPEDITED))));
        assertEquals("MalformedXML", tierOnArchive.getErrorCode());
        OSSException eightDays = assertThrows(
                OSSException.class, () -> oss.restoreObject("frozen", "a.bin", new RestoreConfiguration(8)));
        assertEquals("InvalidArgument", eightDays.getErrorCode());
        assertEquals(
                "The Days of RestoreRequest must be between 1 and 7 for Archive objects.", eightDays.getErrorMessage());
        OSSException bulkOnDeep = assertThrows(
                OSSException.class,
                () -> oss.restoreObject(
                        "frozen",
                        "deep.bin",
                        new RestoreConfiguration(3, new RestoreJobParameters(RestoreTier.RESTORE_TIER_BULK))));
        assertEquals(
                "The Tier of RestoreRequest must be one of Expedited, Standard for DeepColdArchive objects.",
                bulkOnDeep.getErrorMessage());
        assertNull(oss.getObjectMetadata("frozen", "a.bin").getObjectRawRestore());
    }

    @Test
    void restoreObject_versionOfAVersionedBucket_restoresThatVersionAndAnswersItsId() {
        put("unversioned.bin", StorageClass.Archive);
        assertNull(oss.restoreObject("frozen", "unversioned.bin").getVersionId());

        oss.createBucket("frozen-versions");
        oss.setBucketVersioning(new SetBucketVersioningRequest(
                "frozen-versions", new BucketVersioningConfiguration(BucketVersioningConfiguration.ENABLED)));
        ObjectMetadata meta = new ObjectMetadata();
        meta.setHeader("x-oss-storage-class", StorageClass.Archive.toString());
        String older = oss.putObject("frozen-versions", "a.bin", new ByteArrayInputStream(CONTENT), meta)
                .getVersionId();
        String newer = oss.putObject("frozen-versions", "a.bin", new ByteArrayInputStream(CONTENT), meta)
                .getVersionId();

        RestoreObjectResult result = oss.restoreObject(new GenericRequest("frozen-versions", "a.bin", older));
        assertEquals(202, result.getStatusCode());
        assertEquals(older, result.getVersionId());
        assertEquals(
                "ongoing-request=\"true\"",
                oss.getObjectMetadata(new GenericRequest("frozen-versions", "a.bin", older))
                        .getObjectRawRestore());
        assertNull(oss.getObjectMetadata(new GenericRequest("frozen-versions", "a.bin", newer))
                .getObjectRawRestore());
        // Without a version id the current version is restored, and named.
        assertEquals(newer, oss.restoreObject("frozen-versions", "a.bin").getVersionId());
    }

    @Test
    void listings_restoredObjects_carryRestoreInfoAsHeadShowsIt() {
        put("a.bin", StorageClass.Archive);
        put("b.bin", StorageClass.Archive);
        oss.restoreObject("frozen", "a.bin");
        assertEquals(Arrays.asList("ongoing-request=\"true\"", null), restoreInfos());

        clock.advance(DELAY);
        String done = restored(start.plus(DELAY).plus(Duration.ofDays(1)));
        assertEquals(done, oss.getObjectMetadata("frozen", "a.bin").getObjectRawRestore());
        assertEquals(Arrays.asList(done, null), restoreInfos());

        // An expired copy is listed as never restored; past the SDK's signature window, read raw with the clock's
        // offset.
        Duration later = DELAY.plus(Duration.ofDays(1));
        clock.advance(Duration.ofDays(1));
        RawRequests.Response listing = RawRequests.send(
                clients,
                SignVersion.V4,
                clients.keyId(),
                clients.secret(),
                later.toMillis(),
                "GET",
                "frozen",
                null,
                Map.of(),
                Map.of(),
                null);
        assertEquals(200, listing.status());
        assertTrue(listing.body().contains("<Key>a.bin</Key>"));
        assertFalse(listing.body().contains("RestoreInfo"));
    }

    /** RestoreInfo of a.bin and b.bin as the SDK reads ListObjects, ListObjectsV2 and ListObjectVersions, checked equal. */
    private List<String> restoreInfos() {
        List<String> v1 = oss.listObjects("frozen").getObjectSummaries().stream()
                .map(OSSObjectSummary::getRestoreInfo)
                .toList();
        List<String> v2 = oss.listObjectsV2("frozen").getObjectSummaries().stream()
                .map(OSSObjectSummary::getRestoreInfo)
                .toList();
        List<String> versions =
                oss.listVersions(new ListVersionsRequest().withBucketName("frozen")).getVersionSummaries().stream()
                        .map(OSSVersionSummary::getRestoreInfo)
                        .toList();
        assertEquals(v1, v2);
        assertEquals(v1, versions);
        return v1;
    }

    @Test
    void restoreObject_standardObject_isOperationNotSupported() {
        put("hot.bin", StorageClass.Standard);
        OSSException e = assertThrows(OSSException.class, () -> oss.restoreObject("frozen", "hot.bin"));
        assertEquals("OperationNotSupported", e.getErrorCode());
    }

    @Test
    void copyObject_storageClassHeader_archivesTheCopyAndAnArchivedSourceMustBeRestoredFirst() throws Exception {
        put("hot.bin", StorageClass.Standard);
        CopyObjectRequest toArchive = new CopyObjectRequest("frozen", "hot.bin", "frozen", "hot.bin");
        ObjectMetadata meta = new ObjectMetadata();
        meta.setHeader("x-oss-storage-class", StorageClass.Archive.toString());
        toArchive.setNewObjectMetadata(meta);
        oss.copyObject(toArchive);
        assertEquals(
                StorageClass.Archive, oss.getObjectMetadata("frozen", "hot.bin").getObjectStorageClass());
        assertEquals(
                "Archive", oss.listObjects("frozen").getObjectSummaries().get(0).getStorageClass());

        OSSException e =
                assertThrows(OSSException.class, () -> oss.copyObject("frozen", "hot.bin", "frozen", "thawed.bin"));
        assertEquals("InvalidObjectState", e.getErrorCode());
        oss.restoreObject("frozen", "hot.bin");
        clock.advance(DELAY);
        // A restored copy copied with its storage class stays archived; copied as Standard it is thawed for good.
        oss.copyObject("frozen", "hot.bin", "frozen", "still-archived.bin");
        assertEquals(
                StorageClass.Archive,
                oss.getObjectMetadata("frozen", "still-archived.bin").getObjectStorageClass());
        CopyObjectRequest thaw = new CopyObjectRequest("frozen", "hot.bin", "frozen", "thawed.bin");
        ObjectMetadata standard = new ObjectMetadata();
        standard.setHeader("x-oss-storage-class", StorageClass.Standard.toString());
        thaw.setNewObjectMetadata(standard);
        oss.copyObject(thaw);
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject("frozen", "thawed.bin")));
    }

    @Test
    void getObject_symlinkToArchivedTarget_isInvalidObjectStateUntilTheTargetIsRestored() throws Exception {
        put("a.bin", StorageClass.ColdArchive);
        oss.createSymlink("frozen", "link.bin", "a.bin");
        assertEquals(
                "InvalidObjectState",
                assertThrows(OSSException.class, () -> oss.getObject("frozen", "link.bin"))
                        .getErrorCode());
        oss.restoreObject("frozen", "a.bin");
        clock.advance(DELAY);
        assertArrayEquals(CONTENT, ObjectApiIT.read(oss.getObject("frozen", "link.bin")));
    }
}
