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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskStoreTest {

    private static BucketRecord bucket(String name) {
        return new BucketRecord(name, "1680000000000001", 1_000, "cn-hangzhou", "Standard", "LRS", "private", null);
    }

    private static ObjectVersion version(String blob, long size) {
        return new ObjectVersion("null", false, blob, size, "ETAG", "1", 2_000, "Normal", "Standard", "default",
                Map.of("Content-Type", "text/plain"), Map.of("a", "b"), Map.of());
    }

    @Test
    void open_afterWrites_reloadsBucketsKeysConfigsAndUploads(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("one"));
        StagedBlob staged = store.stage(new ByteArrayInputStream("content".getBytes(StandardCharsets.UTF_8)));
        String blob = store.commitBlob("one", staged);
        store.putKey("one", new KeyRecord("dir/key", List.of(version(blob, staged.size()))));
        store.putConfig("one", "cors", new StoredDocument("application/xml", "<CORSConfiguration/>".getBytes(StandardCharsets.UTF_8)));
        store.putUpload("one", new UploadRecord("0123456789ABCDEF0123456789ABCDEF", "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        store.putPart("one", "0123456789ABCDEF0123456789ABCDEF", new PartRecord(1, "E", 4, "9", 4_000),
                store.stage(new ByteArrayInputStream("part".getBytes(StandardCharsets.UTF_8))));

        DiskStore reopened = DiskStore.open(dir);
        assertEquals(List.of(bucket("one")), List.copyOf(reopened.buckets()));
        KeyRecord key = reopened.key("one", "dir/key").orElseThrow();
        assertEquals(version(blob, 7), key.versions().get(0));
        try (InputStream in = reopened.openBlob("one", blob)) {
            assertArrayEquals("content".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals("<CORSConfiguration/>", new String(reopened.config("one", "cors").orElseThrow().body(), StandardCharsets.UTF_8));
        assertEquals("big", reopened.upload("one", "0123456789ABCDEF0123456789ABCDEF").orElseThrow().key());
        assertEquals(4, reopened.parts("one", "0123456789ABCDEF0123456789ABCDEF").get(1).size());
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
        InputStream hangsUp = new SequenceInputStream(new ByteArrayInputStream(new byte[2 * 1024 * 1024]), new InputStream() {
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

    @Test
    void concatenateParts_inListedOrder_joinsTheFilesAndKeepsTheGivenCrc(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        String id = "0123456789ABCDEF0123456789ABCDEF";
        store.putUpload("b", new UploadRecord(id, "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        byte[] one = new byte[200_000];
        byte[] three = "tail".getBytes(StandardCharsets.UTF_8);
        new Random(9).nextBytes(one);
        PartRecord p1 = new PartRecord(1, "E1", one.length, "1", 4_000);
        PartRecord p3 = new PartRecord(3, "E3", three.length, "3", 4_000);
        store.putPart("b", id, p1, store.stage(new ByteArrayInputStream(one)));
        store.putPart("b", id, new PartRecord(2, "E2", 3, "2", 4_000), store.stage(new ByteArrayInputStream(new byte[3])));
        store.putPart("b", id, p3, store.stage(new ByteArrayInputStream(three)));

        StagedBlob staged = store.concatenateParts("b", id, List.of(p1, p3), 42L);

        byte[] expected = new byte[one.length + three.length];
        System.arraycopy(one, 0, expected, 0, one.length);
        System.arraycopy(three, 0, expected, one.length, three.length);
        assertArrayEquals(expected, Files.readAllBytes(staged.file()));
        assertEquals(expected.length, staged.size());
        assertEquals(42L, staged.crc64());
        assertNull(staged.md5());
        assertTrue(staged.file().startsWith(dir.resolve("tmp")));
    }

    @Test
    void concatenateParts_partFileShorterThanItsRecord_failsAndLeavesNoStagingFile(@TempDir Path dir) throws IOException {
        DiskStore store = DiskStore.open(dir);
        store.putBucket(bucket("b"));
        String id = "0123456789ABCDEF0123456789ABCDEF";
        store.putUpload("b", new UploadRecord(id, "big", 3_000, null, null, Map.of(), Map.of(), Map.of()));
        store.putPart("b", id, new PartRecord(1, "E1", 5, "1", 4_000), store.stage(new ByteArrayInputStream(new byte[5])));

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
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
        Path halfUpload = Files.createDirectories(dir.resolve("buckets/b/uploads/0123456789ABCDEF0123456789ABCDEF"));
        Files.write(halfUpload.resolve("part-1.data"), new byte[5]);

        DiskStore reopened = DiskStore.open(dir);
        assertTrue(Files.exists(dir.resolve("buckets/b/blobs").resolve(kept)));
        assertFalse(Files.exists(dir.resolve("buckets/b/blobs").resolve(orphan)));
        assertFalse(Files.exists(halfUpload));
        assertTrue(reopened.uploads("b").isEmpty());
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
