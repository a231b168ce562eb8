package dev.ossops.emulator.store;

import com.aliyun.oss.common.utils.CRC64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskStoreTest {

    private static BucketRecord bucket(String name) {
        return new BucketRecord(name, "1680000000000001", 1_000, "cn-hangzhou", "Standard", "LRS", "private", null);
    }

    private static ObjectVersion version(String blob, long size) {
        return new ObjectVersion(
                "null",
                false,
                blob,
                size,
                "ETAG",
                "1",
                2_000,
                "Normal",
                "Standard",
                "default",
                Map.of("Content-Type", "text/plain"),
                Map.of("a", "b"),
                Map.of());
    }

    @Test
    void open_afterWrites_reloadsBucketsKeysConfigsAndUploads(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("one"));
        StagedBlob staged = store.stage(new ByteArrayInputStream("content".getBytes(StandardCharsets.UTF_8)));
        String blob = store.commitBlob("one", staged);
        store.putKey("one", new KeyRecord("dir/key", List.of(version(blob, staged.size()))));
        store.putConfig(
                "one",
                "cors",
                new StoredDocument("application/xml", "<CORSConfiguration/>".getBytes(StandardCharsets.UTF_8)));
        store.putUpload(
                "one",
                new UploadRecord(
                        "0123456789ABCDEF0123456789ABCDEF", "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        store.putPart(
                "one",
                "0123456789ABCDEF0123456789ABCDEF",
                new PartRecord(1, "E", 4, "9", 4_000),
                store.stage(new ByteArrayInputStream("part".getBytes(StandardCharsets.UTF_8))));

        DiskStore reopened = DiskStore.open(dir);
        assertEquals(List.of(bucket("one")), List.copyOf(reopened.buckets()));
        KeyRecord key = reopened.key("one", "dir/key").orElseThrow();
        assertEquals(version(blob, 7), key.versions().get(0));
        try (InputStream in = reopened.openBlob("one", blob)) {
            assertArrayEquals("content".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(
                "<CORSConfiguration/>",
                new String(reopened.config("one", "cors").orElseThrow().body(), StandardCharsets.UTF_8));
        assertEquals(
                "big",
                reopened.upload("one", "0123456789ABCDEF0123456789ABCDEF")
                        .orElseThrow()
                        .key());
        assertEquals(
                4,
                reopened.parts("one", "0123456789ABCDEF0123456789ABCDEF").get(1).size());
    }

    @Test
    void appendToBlob_bytesBeyondTheRecordedLength_areOverwritten(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("one"));
        String blob =
                store.commitBlob("one", store.stage(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
        store.appendToBlob(
                "one", blob, 3, store.stage(new ByteArrayInputStream("XYZ".getBytes(StandardCharsets.UTF_8))));
        // An append whose metadata a crash kept from being written: the record still says 6 bytes.
        store.appendToBlob(
                "one", blob, 6, store.stage(new ByteArrayInputStream("lost".getBytes(StandardCharsets.UTF_8))));
        StagedBlob next = store.stage(new ByteArrayInputStream("def".getBytes(StandardCharsets.UTF_8)));
        store.appendToBlob("one", blob, 6, next);
        try (InputStream in = store.openBlob("one", blob)) {
            assertEquals("abcXYZdef", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(Files.exists(next.file()));
    }

    @Test
    void appendToBlob_recordLongerThanTheBlob_isRefusedAndDiscardsTheBody(@TempDir Path dir) {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("one"));
        String blob =
                store.commitBlob("one", store.stage(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));
        StagedBlob staged = store.stage(new ByteArrayInputStream("XYZ".getBytes(StandardCharsets.UTF_8)));
        UncheckedIOException e =
                assertThrows(UncheckedIOException.class, () -> store.appendToBlob("one", blob, 10, staged));
        assertEquals(
                "blob " + blob + " holds 3 bytes, its record says 10",
                e.getCause().getMessage());
        assertFalse(Files.exists(staged.file()));
    }

    @Test
    void open_versionsWithSymlinkSealAndRestore_reloadThem(@TempDir Path dir) {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("one"));
        ObjectVersion link = new ObjectVersion(
                "null",
                false,
                null,
                0,
                "E",
                "0",
                1_000,
                "Symlink",
                "Standard",
                "default",
                Map.of(),
                Map.of(),
                Map.of(),
                "target.txt",
                null,
                null);
        ObjectVersion archived = new ObjectVersion(
                "null",
                false,
                null,
                0,
                "E",
                "0",
                1_000,
                "Appendable",
                "Archive",
                "default",
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                2_000L,
                new RestoreState(3_000, 4_000));
        store.putKey("one", new KeyRecord("link", List.of(link)));
        store.putKey("one", new KeyRecord("archived", List.of(archived)));
        DiskStore reopened = DiskStore.open(dir);
        assertEquals(link, reopened.key("one", "link").orElseThrow().versions().get(0));
        assertEquals(
                archived,
                reopened.key("one", "archived").orElseThrow().versions().get(0));
    }

    @Test
    void stage_computesSizeMd5AndCrcWhileStreaming(@TempDir Path dir) throws Exception {
        DiskStore store = DiskStore.open(dir);
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        StagedBlob staged = store.stage(new ByteArrayInputStream(data));
        assertEquals(5, staged.size());
        assertArrayEquals(java.security.MessageDigest.getInstance("MD5").digest(data), staged.md5());
        com.aliyun.oss.common.utils.CRC64 sdk = new com.aliyun.oss.common.utils.CRC64();
        sdk.update(data, data.length);
        assertEquals(sdk.getValue(), staged.crc64());
        store.discard(staged);
        assertFalse(Files.exists(staged.file()));
    }

    @Test
    void stage_bodyLargerThanTheBufferInSmallReads_matchesSdkDigests(@TempDir Path dir) throws Exception {
        DiskStore store = DiskStore.open(dir);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(5).nextBytes(data);
        // A socket hands over a few KiB per read: the store must gather them, not lose or reorder any.
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(data)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1_500));
            }
        };
        StagedBlob staged = store.stage(trickle);
        assertEquals(data.length, staged.size());
        assertArrayEquals(data, Files.readAllBytes(staged.file()));
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(data), staged.md5());
        CRC64 sdk = new CRC64();
        sdk.update(data, data.length);
        assertEquals(sdk.getValue(), staged.crc64());
    }

    @Test
    void stage_bodyFailingMidway_leavesNoStagingFile(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        InputStream hangsUp =
                new SequenceInputStream(new ByteArrayInputStream(new byte[2 * 1024 * 1024]), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.stage(hangsUp));
        assertEquals("cannot receive request body", e.getMessage());
        assertEquals("connection reset", e.getCause().getMessage());
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, left.count());
        }
    }

    /** An upload with parts 1 (200,000 random bytes), 2 (3 zero bytes) and 3 ("tail"). */
    private static final String UPLOAD = "0123456789ABCDEF0123456789ABCDEF";

    private static byte[] uploadThreeParts(DiskStore store, PartRecord p1, PartRecord p3) {
        store.putBucket(bucket("b"));
        store.putUpload("b", new UploadRecord(UPLOAD, "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        byte[] one = new byte[(int) p1.size()];
        new Random(9).nextBytes(one);
        store.putPart("b", UPLOAD, p1, store.stage(new ByteArrayInputStream(one)));
        store.putPart(
                "b",
                UPLOAD,
                new PartRecord(2, "E2", 3, "2", 4_000),
                store.stage(new ByteArrayInputStream(new byte[3])));
        store.putPart("b", UPLOAD, p3, store.stage(new ByteArrayInputStream("tail".getBytes(StandardCharsets.UTF_8))));
        byte[] expected = new byte[one.length + 4];
        System.arraycopy(one, 0, expected, 0, one.length);
        System.arraycopy("tail".getBytes(StandardCharsets.UTF_8), 0, expected, one.length, 4);
        return expected;
    }

    private static final PartRecord P1 = new PartRecord(1, "E1", 200_000, "1", 4_000);
    private static final PartRecord P3 = new PartRecord(3, "E3", 4, "3", 4_000);

    @Test
    void concatenateParts_inListedOrder_joinsTheFilesAndKeepsTheGivenCrc(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        byte[] expected = uploadThreeParts(store, P1, P3);

        StagedBlob staged = store.concatenateParts("b", UPLOAD, List.of(P1, P3), 42L);

        assertEquals(expected.length, staged.size());
        assertEquals(42L, staged.crc64());
        assertNull(staged.md5());
        assertTrue(staged.file().startsWith(dir.resolve("tmp")));
        String blob = store.commitBlob("b", staged);
        try (InputStream in = store.openBlob("b", blob)) {
            assertArrayEquals(expected, in.readAllBytes());
        }
    }

    @Test
    void openBlob_assembledObject_skipsAcrossPartsAndOutlivesTheUpload(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        byte[] expected = uploadThreeParts(store, P1, P3);
        String blob = store.commitBlob("b", store.concatenateParts("b", UPLOAD, List.of(P1, P3), 42L));

        store.deleteUpload("b", UPLOAD);

        try (InputStream in = store.openBlob("b", blob)) {
            in.skipNBytes(199_998);
            byte[] across = in.readNBytes(6);
            byte[] want = new byte[6];
            System.arraycopy(expected, 199_998, want, 0, 6);
            assertArrayEquals(want, across);
            assertEquals(-1, in.read());
        }
        try (InputStream in = store.openBlob("b", blob)) {
            assertEquals(199_996, in.skip(199_996));
            assertEquals(expected[199_996] & 0xFF, in.read());
        }
        try (InputStream in = store.openBlob("b", blob)) {
            assertEquals(expected.length, in.skip(Long.MAX_VALUE));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void commitBlob_afterReopen_neverNamesAStoredBlob(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        String first = store.commitBlob("b", store.stage(new ByteArrayInputStream(new byte[] {1})));
        store.putKey("b", new KeyRecord("k", List.of(version(first, 1))));

        DiskStore reopened = DiskStore.open(dir);
        String second = reopened.commitBlob("b", reopened.stage(new ByteArrayInputStream(new byte[] {2})));
        String third = reopened.commitBlob("b", reopened.stage(new ByteArrayInputStream(new byte[] {3})));

        assertNotEquals(first.substring(0, 18), second.substring(0, 18));
        assertNotEquals(second, third);
        assertTrue(second.matches("[0-9a-f-]{36}"), second);
        assertArrayEquals(
                new byte[] {1},
                Files.readAllBytes(dir.resolve("buckets/b/blobs").resolve(first)));
    }

    @Test
    void deleteBlob_assembledObject_removesItsDirectory(@TempDir Path dir) {
        DiskStore store = DiskStore.open(dir);
        uploadThreeParts(store, P1, P3);
        String blob = store.commitBlob("b", store.concatenateParts("b", UPLOAD, List.of(P1, P3), 42L));

        store.deleteBlob("b", blob);

        assertFalse(Files.exists(dir.resolve("buckets/b/blobs").resolve(blob)));
    }

    @Test
    void discard_assembledObject_leavesNothingStaged(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        uploadThreeParts(store, P1, P3);

        store.discard(store.concatenateParts("b", UPLOAD, List.of(P1, P3), 42L));

        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void concatenateParts_partFileShorterThanItsRecord_failsAndLeavesNoStagingFile(@TempDir Path dir)
            throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        String id = "0123456789ABCDEF0123456789ABCDEF";
        store.putUpload("b", new UploadRecord(id, "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        store.putPart(
                "b", id, new PartRecord(1, "E1", 5, "1", 4_000), store.stage(new ByteArrayInputStream(new byte[5])));

        UncheckedIOException e = assertThrows(
                UncheckedIOException.class,
                () -> store.concatenateParts("b", id, List.of(new PartRecord(1, "E1", 8, "1", 4_000)), 0));
        assertEquals("cannot assemble object", e.getMessage());
        assertEquals("part 1 holds 5 bytes, its record says 8", e.getCause().getMessage());
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void open_discardsStagingLeftByACrash(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        StagedBlob abandoned = store.stage(new ByteArrayInputStream(new byte[10]));
        assertTrue(Files.exists(abandoned.file()));
        DiskStore.open(dir);
        assertFalse(Files.exists(abandoned.file()));
    }

    @Test
    void open_deletesBlobsAndUploadDirectoriesACrashOrphaned(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        String kept = store.commitBlob("b", store.stage(new ByteArrayInputStream(new byte[3])));
        store.putKey("b", new KeyRecord("k", List.of(version(kept, 3))));
        String orphan = store.commitBlob("b", store.stage(new ByteArrayInputStream(new byte[4])));
        store.putUpload(
                "b",
                new UploadRecord(
                        "FEDCBA9876543210FEDCBA9876543210", "m", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        store.putPart(
                "b",
                "FEDCBA9876543210FEDCBA9876543210",
                new PartRecord(1, "E1", 2, "1", 4_000),
                store.stage(new ByteArrayInputStream(new byte[2])));
        String orphanAssembled = store.commitBlob(
                "b",
                store.concatenateParts(
                        "b", "FEDCBA9876543210FEDCBA9876543210", List.of(new PartRecord(1, "E1", 2, "1", 4_000)), 0));
        Path halfUpload = Files.createDirectories(dir.resolve("buckets/b/uploads/0123456789ABCDEF0123456789ABCDEF"));
        Files.write(halfUpload.resolve("part-1.data"), new byte[5]);

        DiskStore reopened = DiskStore.open(dir);
        assertTrue(Files.exists(dir.resolve("buckets/b/blobs").resolve(kept)));
        assertFalse(Files.exists(dir.resolve("buckets/b/blobs").resolve(orphan)));
        assertFalse(Files.exists(dir.resolve("buckets/b/blobs").resolve(orphanAssembled)));
        assertFalse(Files.exists(halfUpload));
        assertEquals(1, reopened.uploads("b").size());
        assertEquals(
                2,
                reopened.parts("b", "FEDCBA9876543210FEDCBA9876543210").get(1).size());
    }

    /** A store with bucket "b" and the upload {@link #UPLOAD} of key "big". */
    private static DiskStore withUpload(Path dir) {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        store.putUpload("b", new UploadRecord(UPLOAD, "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        return store;
    }

    private static List<String> uploadFiles(Path dir) throws IOException {
        try (var files = Files.list(dir.resolve("buckets/b/uploads").resolve(UPLOAD))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void putPart_storesOneFileNamedAfterItsRecord(@TempDir Path dir) throws IOException {
        DiskStore store = withUpload(dir);
        store.putPart(
                "b",
                UPLOAD,
                new PartRecord(7, "0CC175B9C0F1B6A831C399E269772661", 3, "1234", 4_000),
                store.stage(new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8))));

        assertEquals(
                List.of("part-7-1-4000-1234-0CC175B9C0F1B6A831C399E269772661.data", "upload.json"), uploadFiles(dir));
        assertEquals(
                new PartRecord(7, "0CC175B9C0F1B6A831C399E269772661", 3, "1234", 4_000),
                store.parts("b", UPLOAD).get(7));
        assertEquals(store.parts("b", UPLOAD), DiskStore.open(dir).parts("b", UPLOAD));
    }

    @Test
    void putPart_sameNumberAgain_replacesTheRecordAndDeletesTheOldFile(@TempDir Path dir) throws IOException {
        DiskStore store = withUpload(dir);
        store.putPart(
                "b",
                UPLOAD,
                new PartRecord(1, "E1", 5, "1", 4_000),
                store.stage(new ByteArrayInputStream(new byte[5])));
        store.putPart(
                "b",
                UPLOAD,
                new PartRecord(1, "E2", 2, "2", 5_000),
                store.stage(new ByteArrayInputStream(new byte[2])));

        assertEquals(List.of("part-1-2-5000-2-E2.data", "upload.json"), uploadFiles(dir));
        assertEquals(
                new PartRecord(1, "E2", 2, "2", 5_000), store.parts("b", UPLOAD).get(1));
        try (InputStream in = store.openBlob(
                "b",
                store.commitBlob(
                        "b",
                        store.concatenateParts(
                                "b", UPLOAD, List.of(store.parts("b", UPLOAD).get(1)), 0)))) {
            assertEquals(2, in.readAllBytes().length);
        }
    }

    @Test
    void putPart_etagNotAlphanumeric_isRefusedAndStoresNothing(@TempDir Path dir) throws IOException {
        DiskStore store = withUpload(dir);
        StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[1]));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> store.putPart("b", UPLOAD, new PartRecord(1, "../E", 1, "1", 4_000), staged));
        assertEquals("a part's ETag and CRC-64 must be alphanumeric to be stored in a file name", e.getMessage());
        assertEquals(List.of("upload.json"), uploadFiles(dir));
        assertTrue(store.parts("b", UPLOAD).isEmpty());
    }

    @Test
    void open_twoFilesOfOnePartLeftByACrash_keepsTheLaterSequence(@TempDir Path dir) throws IOException {
        withUpload(dir);
        Path upload = dir.resolve("buckets/b/uploads").resolve(UPLOAD);
        // A crash after storing a replacement (sequence 12) and before deleting the part it replaced (sequence 9).
        Files.write(upload.resolve("part-3-12-6000-22-NEW.data"), new byte[4]);
        Files.write(upload.resolve("part-3-9-5000-11-OLD.data"), new byte[6]);

        DiskStore reopened = DiskStore.open(dir);
        assertEquals(
                new PartRecord(3, "NEW", 4, "22", 6_000),
                reopened.parts("b", UPLOAD).get(3));
        assertEquals(List.of("part-3-12-6000-22-NEW.data", "upload.json"), uploadFiles(dir));
        reopened.putPart(
                "b",
                UPLOAD,
                new PartRecord(4, "E", 1, "1", 7_000),
                reopened.stage(new ByteArrayInputStream(new byte[1])));
        assertTrue(uploadFiles(dir).contains("part-4-13-7000-1-E.data"));
    }

    @Test
    void open_partStoredAsDataAndJsonRecord_isReadAndReplacedCleanly(@TempDir Path dir) throws IOException {
        withUpload(dir);
        Path upload = dir.resolve("buckets/b/uploads").resolve(UPLOAD);
        // The layout before part records moved into file names.
        Files.write(upload.resolve("part-2.data"), new byte[3]);
        Files.writeString(
                upload.resolve("part-2.json"),
                "{\"number\":2,\"etag\":\"E0\",\"size\":3,\"crc64\":\"7\",\"lastModified\":4000}");

        DiskStore reopened = DiskStore.open(dir);
        assertEquals(
                new PartRecord(2, "E0", 3, "7", 4_000),
                reopened.parts("b", UPLOAD).get(2));
        reopened.putPart(
                "b",
                UPLOAD,
                new PartRecord(2, "E1", 1, "1", 5_000),
                reopened.stage(new ByteArrayInputStream(new byte[1])));
        assertEquals(List.of("part-2-1-5000-1-E1.data", "upload.json"), uploadFiles(dir));
    }

    @Test
    void putKey_withoutVersions_removesTheKeyFromDiskAndIndex(@TempDir Path dir) {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        store.putKey("b", new KeyRecord("k", List.of(version(null, 0))));
        store.putKey("b", new KeyRecord("k", List.of()));
        assertTrue(store.key("b", "k").isEmpty());
        assertTrue(DiskStore.open(dir).key("b", "k").isEmpty());
    }

    @Test
    void deleteBucket_removesItForGood(@TempDir Path dir) {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("gone"));
        store.deleteBucket("gone");
        assertTrue(store.bucket("gone").isEmpty());
        assertTrue(DiskStore.open(dir).bucket("gone").isEmpty());
        assertFalse(Files.exists(dir.resolve("buckets").resolve("gone")));
    }
}
