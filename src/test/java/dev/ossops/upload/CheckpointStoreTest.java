package dev.ossops.upload;

import dev.ossops.checksum.Crc64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointStoreTest {
    private static final long MTIME = 1_767_225_600_000L;
    private static final long PART = 100 * 1024;

    @TempDir
    Path tmp;

    CheckpointStore store;
    Path file;

    @BeforeEach
    void setUp() throws IOException {
        store = new CheckpointStore(tmp.resolve(".ossops/checkpoints"));
        file = Files.writeString(tmp.resolve("video.mp4"), "x");
    }

    private Checkpoint twoParts() {
        return Checkpoint.start("bkt", "up/video.mp4", "0004B9894A22E5B1888A1E29F823****", file, 250_000, MTIME, PART)
                .withPart(new Checkpoint.CompletedPart(2, "\"B2\"", -1L /* 2^64-1 unsigned */, PART))
                .withPart(new Checkpoint.CompletedPart(1, "\"A1\"", 42, PART));
    }

    private CheckpointStore.Load load() throws IOException {
        return store.load("bkt", "up/video.mp4", file, 250_000, MTIME);
    }

    private CheckpointStore.Load.Corrupt corruptWith(String content) throws IOException {
        Path path = store.pathFor("bkt", "up/video.mp4", file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        return assertInstanceOf(CheckpointStore.Load.Corrupt.class, load());
    }

    private static String golden() throws IOException {
        try (InputStream in = CheckpointStoreTest.class.getResourceAsStream("/upload/checkpoint-two-parts.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String goldenFor() throws IOException {
        return golden().replace("${FILE}", file.toAbsolutePath().normalize().toString());
    }

    @Test
    void load_missing() throws IOException {
        assertInstanceOf(CheckpointStore.Load.Missing.class, load());
    }

    @Test
    void save_roundTripsAndLeavesNoTempFile() throws IOException {
        Checkpoint c = twoParts();
        store.save(c);
        assertEquals(new CheckpointStore.Load.Resumable(c), load());
        try (Stream<Path> files = Files.list(tmp.resolve(".ossops/checkpoints"))) {
            assertEquals(List.of(store.pathFor("bkt", "up/video.mp4", file)), files.toList());
        }
        assertEquals(
                List.of(1, 2),
                c.parts().stream().map(Checkpoint.CompletedPart::number).toList());
    }

    @Test
    void save_writesTheDocumentedFormat() throws IOException {
        store.save(twoParts());
        assertEquals(
                goldenFor().strip(),
                Files.readString(store.pathFor("bkt", "up/video.mp4", file))
                        .strip()
                        .replace("\r\n", "\n"));
    }

    @Test
    void save_replacesEarlierCheckpoint() throws IOException {
        store.save(Checkpoint.start("bkt", "up/video.mp4", "id-1", file, 250_000, MTIME, PART));
        store.save(twoParts());
        assertEquals(new CheckpointStore.Load.Resumable(twoParts()), load());
    }

    @Test
    void pathFor_dependsOnBucketKeyAndFile() {
        Path p = store.pathFor("bkt", "k", file);
        assertEquals(p, store.pathFor("bkt", "k", tmp.resolve("sub/../video.mp4")));
        assertFalse(p.equals(store.pathFor("bkt2", "k", file)));
        assertFalse(p.equals(store.pathFor("bkt", "k2", file)));
        assertFalse(p.equals(store.pathFor("bkt", "k", tmp.resolve("other.mp4"))));
        assertTrue(p.getFileName().toString().matches("[0-9a-f]{64}-[0-9a-f]{64}\\.json"));
        assertEquals(tmp.resolve(".ossops/checkpoints"), p.getParent());
    }

    @Test
    void load_fileChangedIsStaleWithTheOldUploadId() throws IOException {
        store.save(twoParts());
        CheckpointStore.Load.Stale stale = assertInstanceOf(
                CheckpointStore.Load.Stale.class, store.load("bkt", "up/video.mp4", file, 250_001, MTIME + 1000));
        assertEquals(
                "file changed since the checkpoint (size 250000 -> 250001 bytes, modified 2026-01-01T00:00:00Z"
                        + " -> 2026-01-01T00:00:01Z)",
                stale.reason());
        assertEquals("0004B9894A22E5B1888A1E29F823****", stale.checkpoint().uploadId());
    }

    @Test
    void load_truncatedFileIsCorrupt() throws IOException {
        String json = goldenFor();
        CheckpointStore.Load.Corrupt c = corruptWith(json.substring(0, json.length() / 2));
        assertTrue(c.reason().startsWith("not JSON: Unexpected end-of-input"), c.reason());
        assertEquals(store.pathFor("bkt", "up/video.mp4", file), c.file());
        // Cut short after the upload id: still enough to abort the upload it started.
        assertEquals(Optional.of("0004B9894A22E5B1888A1E29F823****"), c.uploadId());
        assertEquals(Optional.of("up/video.mp4"), c.key());
    }

    @Test
    void load_truncatedBeforeTheUploadId_isCorruptWithNothingToAbort() throws IOException {
        CheckpointStore.Load.Corrupt c = corruptWith(goldenFor().substring(0, 40));
        assertEquals(Optional.empty(), c.uploadId());
        assertEquals(Optional.empty(), c.key());
    }

    @Test
    void load_keyEditedToAnother_isCorruptAndNamesNoKeyToAbort() throws IOException {
        CheckpointStore.Load.Corrupt c =
                corruptWith(goldenFor().replace("\"key\" : \"up/video.mp4\"", "\"key\" : \"someone/else.mp4\""));
        assertEquals(
                "checkpoint is for bucket 'bkt' key 'someone/else.mp4' file '"
                        + file.toAbsolutePath().normalize() + "', not this upload",
                c.reason());
        assertEquals(Optional.empty(), c.key());
    }

    @Test
    void load_oversizedFile_isCorruptWithoutReadingItWhole() throws IOException {
        CheckpointStore.Load.Corrupt c = corruptWith(" ".repeat(CheckpointStore.MAX_BYTES + 1));
        assertEquals("larger than 8388608 bytes", c.reason());
    }

    @Test
    void load_symbolicLink_isCorruptAndNotFollowed() throws IOException {
        Path path = store.pathFor("bkt", "up/video.mp4", file);
        Files.createDirectories(path.getParent());
        Files.createSymbolicLink(path, Files.writeString(tmp.resolve("elsewhere.json"), goldenFor()));
        CheckpointStore.Load.Corrupt c = assertInstanceOf(CheckpointStore.Load.Corrupt.class, load());
        assertEquals("is a symbolic link, which ossops never writes", c.reason());
    }

    @Test
    void defaultDirectory_isUnderHomeWhateverTheWorkingDirectory() {
        assertEquals(
                Path.of("/home/me/.ossops/checkpoints"),
                CheckpointStore.defaultDirectory(Map.of("HOME", "/home/me", "USERPROFILE", "C:\\Users\\me")));
        assertEquals(
                Path.of("C:\\Users\\me", ".ossops", "checkpoints"),
                CheckpointStore.defaultDirectory(Map.of("USERPROFILE", "C:\\Users\\me")));
    }

    @Test
    void load_emptyFileIsCorrupt() throws IOException {
        assertEquals("not a JSON object", corruptWith("").reason());
        assertEquals("not a JSON object", corruptWith("[]").reason());
    }

    @Test
    void load_missingFieldKeepsTheUploadIdForAborting() throws IOException {
        CheckpointStore.Load.Corrupt c = corruptWith(goldenFor().replace("\"partSize\"", "\"partsize\""));
        assertEquals("missing field 'partSize'", c.reason());
        assertEquals(Optional.of("0004B9894A22E5B1888A1E29F823****"), c.uploadId());
    }

    @Test
    void load_invalidValuesAreCorrupt() throws IOException {
        assertEquals(
                "unsupported checkpoint format 2 (this version reads 1)",
                corruptWith(goldenFor().replace("\"format\" : 1", "\"format\" : 2"))
                        .reason());
        assertEquals(
                "field 'size' is not a non-negative integer",
                corruptWith(goldenFor().replace("\"size\" : 250000", "\"size\" : \"250000\""))
                        .reason());
        assertEquals(
                "part 1 crc64 'abc' is not an unsigned decimal",
                corruptWith(goldenFor().replace("\"crc64\" : \"42\"", "\"crc64\" : \"abc\""))
                        .reason());
        assertEquals(
                "part 1 is listed twice",
                corruptWith(goldenFor().replace("\"number\" : 2", "\"number\" : 1"))
                        .reason());
        assertEquals(
                "part number 0 is outside 1..10000",
                corruptWith(goldenFor().replace("\"number\" : 2", "\"number\" : 0"))
                        .reason());
        assertEquals(
                "field 'etag' is not a non-empty string",
                corruptWith(goldenFor().replace("\"\\\"A1\\\"\"", "\"\"")).reason());
        assertEquals(
                "field 'mtime' is not an integer",
                corruptWith(goldenFor().replace("\"mtime\" : 1767225600000", "\"mtime\" : 1.5"))
                        .reason());
        assertEquals(
                "partSize 1 is outside OSS limits",
                corruptWith(goldenFor().replace("\"partSize\" : 102400", "\"partSize\" : 1"))
                        .reason());
    }

    @Test
    void load_checkpointOfAnotherUploadIsCorrupt() throws IOException {
        CheckpointStore.Load.Corrupt c =
                corruptWith(goldenFor().replace("\"bucket\" : \"bkt\"", "\"bucket\" : \"other\""));
        assertEquals(
                "checkpoint is for bucket 'other' key 'up/video.mp4' file '"
                        + file.toAbsolutePath().normalize() + "', not this upload",
                c.reason());
    }

    @Test
    void load_fileTimeBefore1970Resumes() throws IOException {
        Checkpoint old = Checkpoint.start("bkt", "up/video.mp4", "id", file, 250_000, -5000, PART);
        store.save(old);
        assertEquals(new CheckpointStore.Load.Resumable(old), store.load("bkt", "up/video.mp4", file, 250_000, -5000));
    }

    @Test
    void delete_removesOnce() throws IOException {
        store.save(twoParts());
        assertTrue(store.delete("bkt", "up/video.mp4", file));
        assertFalse(store.delete("bkt", "up/video.mp4", file));
        assertInstanceOf(CheckpointStore.Load.Missing.class, load());
    }

    @Test
    void forFile_findsCheckpointsWhateverTheKey() throws IOException {
        assertEquals(List.of(), store.forFile("bkt", file, 250_000, MTIME));
        store.save(twoParts());
        Checkpoint other = Checkpoint.start("bkt", "up/2026/a-uuid_video.mp4", "id-2", file, 1, 1, PART);
        store.save(other);
        store.save(Checkpoint.start("bkt", "x", "id-3", tmp.resolve("another.mp4"), 250_000, MTIME, PART));
        store.save(Checkpoint.start("bkt2", "x", "id-4", file, 250_000, MTIME, PART));
        Files.writeString(tmp.resolve(".ossops/checkpoints/garbage.json"), "{");
        List<CheckpointStore.Load> found = store.forFile("bkt", file, 250_000, MTIME);
        assertEquals(2, found.size());
        assertEquals(
                other,
                assertInstanceOf(CheckpointStore.Load.Stale.class, found.get(0)).checkpoint());
        assertEquals(new CheckpointStore.Load.Resumable(twoParts()), found.get(1));
    }

    @Test
    void forFile_includesThisFilesUnreadableCheckpoints() throws IOException {
        Path path = store.pathFor("bkt", "up/2026/a-uuid_video.mp4", file);
        Files.createDirectories(path.getParent());
        String json = goldenFor().replace("up/video.mp4", "up/2026/a-uuid_video.mp4");
        Files.writeString(path, json.substring(0, json.indexOf("\"file\"")));
        List<CheckpointStore.Load> found = store.forFile("bkt", file, 250_000, MTIME);
        CheckpointStore.Load.Corrupt c = assertInstanceOf(CheckpointStore.Load.Corrupt.class, found.get(0));
        assertEquals(path, c.file());
        assertEquals(Optional.of("up/2026/a-uuid_video.mp4"), c.key());
        assertEquals(Optional.of("0004B9894A22E5B1888A1E29F823****"), c.uploadId());
        assertEquals(1, found.size());
    }

    @Test
    void confirmedBy_keepsOnlyPartsListPartsAgreesWith() {
        Checkpoint c = twoParts().withPart(new Checkpoint.CompletedPart(3, "\"C3\"", 7, 45_200));
        List<Checkpoint.CompletedPart> confirmed = c.confirmedBy(List.of(
                new Checkpoint.ListedPart(1, "\"A1\"", PART),
                new Checkpoint.ListedPart(2, "\"OTHER\"", PART),
                new Checkpoint.ListedPart(4, "\"D4\"", 10)));
        assertEquals(List.of(c.parts().get(0)), confirmed);
        assertEquals(List.of(), c.confirmedBy(List.of(new Checkpoint.ListedPart(3, "\"C3\"", 45_201))));
    }

    @Test
    void objectCrc64_combinesPartsIntoTheFilesCrc() {
        byte[] data = new byte[250_000];
        new Random(5).nextBytes(data);
        PartPlan plan = PartPlan.of(data.length, OptionalLong.of(PART), PartPlan.MIN_PART_SIZE);
        Checkpoint c = Checkpoint.start("bkt", "k", "id", file, data.length, MTIME, PART);
        for (PartPlan.Part p : plan.parts()) {
            Crc64 crc = new Crc64();
            crc.update(data, (int) p.offset(), (int) p.length());
            if (p.number() < plan.partCount()) {
                assertEquals(OptionalLong.empty(), c.objectCrc64(plan.partCount()));
            }
            c = c.withPart(
                    new Checkpoint.CompletedPart(p.number(), "\"e" + p.number() + "\"", crc.getValue(), p.length()));
        }
        assertEquals(OptionalLong.of(Crc64.of(data)), c.objectCrc64(plan.partCount()));
    }
}
