package dev.ossops.upload;

import dev.ossops.checksum.Crc64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The uploader's cleanup after InitiateMultipartUpload attempts whose answers were lost, over an in-memory store. */
class UploaderLostAnswersTest {
    private static final long PART = PartPlan.MIN_PART_SIZE;
    private static final String BUCKET = "media";
    private static final String KEY = "up/big.bin";

    @TempDir
    Path dir;

    private MemoryStore store;
    private Uploader uploader;
    private FileSelection.Selected file;

    @BeforeEach
    void setUp() throws IOException {
        store = new MemoryStore();
        UploaderSettings settings = new UploaderSettings(
                BUCKET,
                "cn-hangzhou",
                "http://127.0.0.1:1",
                "up",
                KeyLayout.DEFAULT_TEMPLATE,
                Duration.ofHours(1),
                List.of(),
                OptionalLong.empty());
        uploader = new Uploader(
                store,
                settings,
                KeyLayout.of(
                        KeyLayout.DEFAULT_TEMPLATE,
                        KeyLayout.FilenameMode.FILENAME,
                        Clock.systemUTC(),
                        () -> new UUID(1, 2)),
                new CheckpointStore(dir.resolve("cp")),
                new Uploader.Options(PART, OptionalLong.of(PART), 2, false),
                Clock.systemUTC(),
                TransferProgress.NONE);
        byte[] data = new byte[(int) (2 * PART + 3)];
        new Random(4).nextBytes(data);
        file = new FileSelection.Selected(Files.write(dir.resolve("big.bin"), data), "big.bin");
    }

    @AfterEach
    void tearDown() {
        uploader.close();
    }

    private Uploader.Outcome upload() {
        return uploader.upload(file, Optional.of(KEY));
    }

    @Test
    void upload_initiateWithoutLostAnswer_listsNothing() {
        store.script.add(Initiate.ANSWER);

        Uploader.Outcome outcome = upload();

        assertInstanceOf(Uploader.Outcome.Uploaded.class, outcome);
        assertEquals(List.of(), outcome.warnings());
        assertEquals(
                List.of("initiate", "complete"),
                store.calls.stream().filter(c -> !c.startsWith("part")).toList());
    }

    @Test
    void upload_answerLostThenInitiated_abortsOnlyTheLostUpload() {
        // An upload someone started on the key an hour ago is not ours to abort.
        store.pending.add(new ObjectStore.PendingUpload(
                "older", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)));
        store.script.addAll(List.of(Initiate.LOSE_ANSWER, Initiate.ANSWER));

        Uploader.Outcome outcome = upload();

        assertInstanceOf(Uploader.Outcome.Uploaded.class, outcome);
        assertEquals(List.of(), outcome.warnings());
        assertEquals(
                List.of("initiate", "initiate", "list", "abort upload-1", "complete"),
                store.calls.stream().filter(c -> !c.startsWith("part")).toList());
        assertEquals(
                List.of("older"),
                store.pending.stream().map(ObjectStore.PendingUpload::uploadId).toList());
    }

    @Test
    void upload_initiateFailsAfterLostAnswers_abortsThemAndReportsTheFailure() {
        store.script.addAll(List.of(Initiate.LOSE_ANSWER, Initiate.LOSE_ANSWER, Initiate.FAIL));

        Uploader.Outcome outcome = upload();

        assertEquals(
                new Uploader.Outcome.Failed(
                        "big.bin",
                        "InitiateMultipartUpload media/up/big.bin failed (after 3 attempts): "
                                + "InvalidResponse: Failed to parse the response result."),
                outcome);
        assertEquals(
                List.of("initiate", "initiate", "initiate", "list", "abort upload-1", "abort upload-2"), store.calls);
        assertEquals(List.of(), store.pending);
    }

    @Test
    void upload_listingDenied_warnsAndStillUploads() {
        store.script.addAll(List.of(Initiate.LOSE_ANSWER, Initiate.ANSWER));
        store.listing = Optional.of(new TransferException(
                "ListMultipartUploads media/up/big.bin failed: AccessDenied: denied", "AccessDenied", false, null));

        Uploader.Outcome outcome = upload();

        assertInstanceOf(Uploader.Outcome.Uploaded.class, outcome);
        assertEquals(
                List.of(
                        "media/up/big.bin: 1 InitiateMultipartUpload answer was lost, and the uploads started meanwhile could"
                                + " not be listed to abort them (ListMultipartUploads media/up/big.bin failed: AccessDenied: denied); a lifecycle rule"
                                + " with AbortMultipartUpload (such as lifecycle/abort-incomplete-uploads.json) removes them"),
                outcome.warnings());
        assertEquals(
                List.of("upload-1"),
                store.pending.stream().map(ObjectStore.PendingUpload::uploadId).toList());
    }

    @Test
    void upload_abortOfALostUploadFails_warnsAndKeepsTheFailure() {
        store.script.addAll(List.of(Initiate.LOSE_ANSWER, Initiate.FAIL));
        store.aborting = Optional.of(new TransferException(
                "AbortMultipartUpload media/up/big.bin failed (after 6 attempts): "
                        + "SlowDown: Please reduce your request rate.",
                "SlowDown",
                true,
                null));

        Uploader.Outcome outcome = upload();

        assertEquals(
                new Uploader.Outcome.Failed(
                        "big.bin",
                        "InitiateMultipartUpload media/up/big.bin failed (after 2 attempts): "
                                + "InvalidResponse: Failed to parse the response result.",
                        List.of("media/up/big.bin: upload upload-1, started by an"
                                + " InitiateMultipartUpload whose answer was lost, could not be aborted (AbortMultipartUpload media/up/big.bin failed"
                                + " (after 6 attempts): SlowDown: Please reduce your request rate.); a lifecycle rule with AbortMultipartUpload"
                                + " (such as lifecycle/abort-incomplete-uploads.json) removes them")),
                outcome);
    }

    /** What one InitiateMultipartUpload attempt does. */
    private enum Initiate {
        /** Creates an upload and answers with its id. */
        ANSWER,
        /** Creates an upload, but its answer is lost: reported, then the next attempt follows. */
        LOSE_ANSWER,
        /** Fails for good, as the retry layer does after its last attempt. */
        FAIL
    }

    /** Multipart uploads in memory, the retry layer's attempts of InitiateMultipartUpload as scripted, and a log of calls. */
    private static final class MemoryStore implements ObjectStore {
        final List<Initiate> script = new ArrayList<>();
        final List<PendingUpload> pending = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        Optional<TransferException> listing = Optional.empty();
        Optional<TransferException> aborting = Optional.empty();
        private int created;

        @Override
        public synchronized String initiate(String bucket, String key, String contentType, Consumer<LostAnswer> lost) {
            int attempts = 0;
            for (Initiate step : script) {
                attempts++;
                calls.add("initiate");
                if (step == Initiate.FAIL) {
                    throw new TransferException(
                            "InitiateMultipartUpload " + bucket + "/" + key + " failed (after " + attempts
                                    + " attempts): InvalidResponse: Failed to parse the response result.",
                            "InvalidResponse",
                            true,
                            null);
                }
                Instant sent = Instant.now();
                String id = "upload-" + (++created);
                pending.add(new PendingUpload(id, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
                if (step == Initiate.ANSWER) {
                    return id;
                }
                lost.accept(new LostAnswer(sent, Instant.now()));
            }
            throw new IllegalStateException("the script ran out");
        }

        @Override
        public synchronized List<PendingUpload> uploadsOf(String bucket, String key) {
            calls.add("list");
            if (listing.isPresent()) {
                throw listing.get();
            }
            return List.copyOf(pending);
        }

        @Override
        public synchronized void abort(String bucket, String key, String uploadId) {
            calls.add("abort " + uploadId);
            if (aborting.isPresent()) {
                throw aborting.get();
            }
            pending.removeIf(u -> u.uploadId().equals(uploadId));
        }

        @Override
        public Stored uploadPart(
                String bucket, String key, String uploadId, Path file, PartPlan.Part part, LongConsumer progress) {
            byte[] bytes = new byte[(int) part.length()];
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(part.offset());
                in.readFully(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (this) {
                calls.add("part " + part.number());
            }
            return new Stored("etag-" + part.number(), Crc64.of(bytes));
        }

        @Override
        public synchronized Stored complete(
                String bucket, String key, String uploadId, List<Checkpoint.CompletedPart> parts) {
            calls.add("complete");
            pending.removeIf(u -> u.uploadId().equals(uploadId));
            long crc = 0;
            for (Checkpoint.CompletedPart p : parts) {
                crc = Crc64.combine(crc, p.crc64(), p.size());
            }
            return new Stored("etag-" + parts.size(), crc);
        }

        @Override
        public URI presign(
                String bucket,
                String key,
                String method,
                Instant expiration,
                Optional<String> contentType,
                Map<String, String> headers) {
            return URI.create("http://127.0.0.1:1/" + key);
        }

        @Override
        public Optional<ObjectInfo> head(String bucket, String key) {
            throw new UnsupportedOperationException("HeadObject is not part of these uploads");
        }

        @Override
        public Stored put(String bucket, String key, Path file, long size, String contentType, LongConsumer progress) {
            throw new UnsupportedOperationException("PutObject is not part of these uploads");
        }

        @Override
        public Optional<List<Checkpoint.ListedPart>> listParts(String bucket, String key, String uploadId) {
            throw new UnsupportedOperationException("ListParts is not part of these uploads");
        }

        @Override
        public InputStream read(String bucket, String key, long offset, long length) {
            throw new UnsupportedOperationException("GetObject is not part of these uploads");
        }
    }
}
