package dev.ossops.upload;

import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.credentials.Secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Uploads files to OSS through an {@link ObjectStore}: checks the rules before a byte is sent,
 * names the key, sends small files in one PutObject and large ones as a multipart upload whose
 * parts go in parallel, streamed from disk, each recorded in a {@link CheckpointStore} so a
 * rerun after a crash uploads only the parts ListParts does not confirm. The object's CRC-64
 * combined from the parts must equal the one OSS reports on completion.
 * <p>A failure that a rerun can continue (network, throttling) keeps the checkpoint and its
 * upload; any other failure aborts the multipart upload, so nothing is left behind unaccounted.
 * Nor are the uploads of InitiateMultipartUpload attempts whose answers were lost: they are found
 * by listing the key's uploads and aborted (see {@link LostInitiations}), or, where the listing is
 * not allowed, named in a warning.
 * <p>All byte transfers draw on one set of {@link TransferSlots}, so at most as many parts and
 * small files (each streamed, none buffered whole) are in flight as its controller allows, whatever
 * the number of files: {@code --parallel} pins that number, otherwise the
 * {@link ParallelismController} adapts it to what the link delivers, across all files of a run.
 */
public final class Uploader implements AutoCloseable {
    private static final int HASH_BUFFER = 64 * 1024;

    /**
     * How files are sent.
     *
     * @param threshold    files of this size and above go multipart
     * @param partSize     part size, or the {@link PartPlan} default
     * @param parallel     transfers in flight (parts and files) when pinned; empty to adapt
     * @param skipExisting skip a file whose key already holds an object of the same size and CRC-64
     */
    public record Options(long threshold, OptionalLong partSize, OptionalInt parallel, boolean skipExisting) {
        public Options {
            Objects.requireNonNull(partSize, "partSize");
            Objects.requireNonNull(parallel, "parallel");
            if (parallel.isPresent()) {
                ParallelismController.pinned(parallel.getAsInt()); // the range check, before any file
            }
            // Fails early on a bad threshold or part size rather than at the first large file.
            PartPlan.of(0, partSize, threshold);
        }

        /** {@code parallel} transfers in flight, pinned. */
        public Options(long threshold, OptionalLong partSize, int parallel, boolean skipExisting) {
            this(threshold, partSize, OptionalInt.of(parallel), skipExisting);
        }

        /** Default threshold and part size, adaptive parallelism. */
        public static Options defaults() {
            return new Options(PartPlan.DEFAULT_THRESHOLD, OptionalLong.empty(), OptionalInt.empty(), false);
        }
    }

    /** What became of one file. */
    public sealed interface Outcome {
        /** The file's name as selected. */
        String name();

        /** What went wrong beside the file's own outcome (e.g. a cleanup that could not be done); safe to print. */
        List<String> warnings();

        /** Uploaded, or found already there with {@code --skip-existing}; {@code resumedParts} came from a checkpoint. */
        record Uploaded(String name, UploadReport report, boolean skipped, int resumedParts, List<String> warnings)
                implements Outcome {
            public Uploaded {
                warnings = List.copyOf(warnings);
            }

            public Uploaded(String name, UploadReport report, boolean skipped, int resumedParts) {
                this(name, report, skipped, resumedParts, List.of());
            }
        }

        /** Not uploaded; {@code message} is safe to print. */
        record Failed(String name, String message, List<String> warnings) implements Outcome {
            public Failed {
                warnings = List.copyOf(warnings);
            }

            public Failed(String name, String message) {
                this(name, message, List.of());
            }
        }
    }

    /** Where a warning about uploads possibly left behind points: the lifecycle rule that removes them in any case. */
    private static final String LIFECYCLE_HINT =
            "a lifecycle rule with AbortMultipartUpload (such as lifecycle/abort-incomplete-uploads.json)"
                    + " removes them";

    private final ObjectStore store;
    private final UploaderSettings settings;
    private final KeyLayout layout;
    private final UploadRules rules;
    private final CheckpointStore checkpoints;
    private final Options options;
    private final Clock clock;
    private final TransferProgress progress;
    private final TransferSlots slots;
    private final ExecutorService transfers;
    /** Multipart uploads in flight: file name -> checkpoint file, for {@link #interruptedNotices}. */
    private final Map<String, Path> active = new ConcurrentHashMap<>();

    /** With slots of its own, pinned or adaptive as {@code options} say (the store's throttling is not seen). */
    public Uploader(
            ObjectStore store,
            UploaderSettings settings,
            KeyLayout layout,
            CheckpointStore checkpoints,
            Options options,
            Clock clock,
            TransferProgress progress) {
        this(
                store,
                settings,
                layout,
                checkpoints,
                options,
                clock,
                progress,
                new TransferSlots(ParallelismController.of(options.parallel())));
    }

    /** @param slots what transfers wait for; shared with the store's throttling signal ({@code TransferSlots::throttled}) */
    public Uploader(
            ObjectStore store,
            UploaderSettings settings,
            KeyLayout layout,
            CheckpointStore checkpoints,
            Options options,
            Clock clock,
            TransferProgress progress,
            TransferSlots slots) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.rules = UploadRules.of(settings);
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.transfers = Executors.newFixedThreadPool(slots.controller().ceiling(), daemon("ossops-transfer"));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Uploads every file, as many at a time as the slots allow; one failing file does not stop the others.
     * {@code explicitKey} (only with a single file) replaces the key layout. {@code each} sees
     * every outcome as it happens (from worker threads); the list keeps the files' order.
     */
    public List<Outcome> uploadAll(
            List<FileSelection.Selected> files, Optional<String> explicitKey, Consumer<Outcome> each) {
        if (explicitKey.isPresent() && files.size() != 1) {
            throw new UploadException("--key names one object but " + files.size() + " files are selected");
        }
        if (options.skipExisting() && explicitKey.isEmpty()) {
            // Refused rather than warned about: every HEAD would miss and every file would be sent again, which is
            // the opposite of what was asked.
            layout.nonDeterministicPart().ifPresent(part -> {
                throw new UploadException("--skip-existing cannot match anything with key layout '" + layout.template()
                        + "': " + part + " makes a new key every run; choose a layout without {uuid}, {timestamp}"
                        + " and filename_timestamp (e.g. --dir-mode no_subdirectory), or --key");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(slots.controller().ceiling(), files.size())), daemon("ossops-file"));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (FileSelection.Selected file : files) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = upload(file, explicitKey);
                    each.accept(outcome);
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(await(f));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Uploads one file; failures become {@link Outcome.Failed} with a printable reason. */
    public Outcome upload(FileSelection.Selected file, Optional<String> explicitKey) {
        List<String> warnings = new ArrayList<>();
        try {
            Outcome.Uploaded done = send(file, explicitKey, warnings);
            return new Outcome.Uploaded(
                    done.name(), done.report(), done.skipped(), done.resumedParts(), safe(warnings));
        } catch (UploadException | TransferException | UncheckedIOException e) {
            progress.finished(file.name(), false);
            return new Outcome.Failed(file.name(), Secrets.redact(e.getMessage()), safe(warnings));
        }
    }

    private static List<String> safe(List<String> warnings) {
        return warnings.stream().map(Secrets::redact).toList();
    }

    private Outcome.Uploaded send(
            FileSelection.Selected selected, Optional<String> explicitKey, List<String> warnings) {
        Path file = selected.file();
        long size;
        long mtime;
        try {
            size = Files.size(file);
            mtime = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(selected.name() + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        String contentType = ContentTypes.of(selected.name());
        rules.check(selected.name(), contentType, size);
        PartPlan plan = PartPlan.of(size, options.partSize(), options.threshold());
        String key = explicitKey
                .map(ObjectKeys::validate)
                .orElseGet(() -> layout.render(settings.prefix(), selected.name()));
        Optional<Checkpoint> resume = Optional.empty();
        if (plan.multipart()) {
            resume = findCheckpoint(selected, key, explicitKey.isPresent(), size, mtime, warnings);
            if (resume.isPresent()) {
                key = resume.get().key();
            }
        }
        if (options.skipExisting()) {
            Optional<Outcome.Uploaded> skipped = skipIfPresent(selected, key, size);
            if (skipped.isPresent()) {
                return skipped.get();
            }
        }
        progress.started(selected.name(), size);
        Outcome.Uploaded outcome;
        String target = key;
        if (plan.multipart()) {
            outcome = multipart(selected, target, contentType, plan, mtime, resume, warnings);
        } else {
            ObjectStore.Stored stored = await(transfers.submit(() -> slots.run(
                    moved -> store.put(
                            settings.bucket(),
                            target,
                            file,
                            size,
                            contentType,
                            moved.andThen(n -> progress.transferred(selected.name(), n))),
                    done -> size)));
            outcome = new Outcome.Uploaded(selected.name(), report(target, size, stored), false, 0);
        }
        progress.finished(selected.name(), true);
        return outcome;
    }

    private Optional<Outcome.Uploaded> skipIfPresent(FileSelection.Selected selected, String key, long size) {
        Optional<ObjectStore.ObjectInfo> existing = store.head(settings.bucket(), key);
        if (existing.isEmpty()
                || existing.get().size() != size
                || existing.get().crc64().isEmpty()) {
            return Optional.empty();
        }
        long local = crc64Of(selected.file());
        if (existing.get().crc64().getAsLong() != local) {
            return Optional.empty();
        }
        return Optional.of(new Outcome.Uploaded(
                selected.name(),
                report(key, size, new ObjectStore.Stored(existing.get().etag(), local)),
                true,
                0));
    }

    /** The CRC-64 of a file, streamed. */
    static long crc64Of(Path file) {
        Crc64 crc = new Crc64();
        byte[] buffer = new byte[HASH_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return crc.getValue();
    }

    /**
     * The checkpoint to resume, if any. Checkpoints that cannot be used (unreadable, or the file has changed) are
     * deleted and their uploads aborted where they can be named: otherwise they would stay billed and unseen. An
     * unreadable one is reported in {@code warnings}; the file then starts over.
     */
    private Optional<Checkpoint> findCheckpoint(
            FileSelection.Selected selected,
            String key,
            boolean explicit,
            long size,
            long mtime,
            List<String> warnings) {
        try {
            CheckpointStore.Load load = checkpoints.load(settings.bucket(), key, selected.file(), size, mtime);
            Optional<Checkpoint> found = usable(selected, load, warnings);
            if (found.isPresent() || explicit) {
                return found;
            }
            // Layouts with a UUID render a new key every run: the checkpoint is found by its file instead.
            Optional<Checkpoint> resumable = Optional.empty();
            for (CheckpointStore.Load other : checkpoints.forFile(settings.bucket(), selected.file(), size, mtime)) {
                Optional<Checkpoint> candidate = usable(selected, other, warnings);
                if (resumable.isEmpty()) {
                    resumable = candidate;
                }
            }
            return resumable;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoints: " + e.getMessage(), e);
        }
    }

    private Optional<Checkpoint> usable(
            FileSelection.Selected selected, CheckpointStore.Load load, List<String> warnings) throws IOException {
        if (load instanceof CheckpointStore.Load.Resumable r) {
            return Optional.of(r.checkpoint());
        }
        if (load instanceof CheckpointStore.Load.Stale s) {
            // A checkpoint ossops wrote names its upload for sure: an abort that fails fails the file and keeps the
            // checkpoint, so the next run tries again rather than leaving the upload billed and forgotten.
            store.abort(settings.bucket(), s.checkpoint().key(), s.checkpoint().uploadId());
            checkpoints.delete(
                    s.checkpoint().bucket(),
                    s.checkpoint().key(),
                    Path.of(s.checkpoint().file()));
        } else if (load instanceof CheckpointStore.Load.Corrupt c) {
            String aborted = "";
            if (c.uploadId().isPresent() && c.key().isPresent()) {
                aborted = abortQuietly(c.key().get(), c.uploadId().get(), warnings)
                        ? "; its upload " + c.uploadId().get() + " was aborted"
                        : "";
            } else if (c.uploadId().isPresent()) {
                // Without a key that matches the file's name the id may be anyone's: never abort on its word.
                aborted = "; its upload " + c.uploadId().get() + " is left alone, since the checkpoint names no key"
                        + " it could be for (" + LIFECYCLE_HINT + ")";
            }
            warnings.add(selected.name() + ": checkpoint " + c.file() + " cannot be used (" + c.reason() + ")" + aborted
                    + "; uploading from the start");
            Files.deleteIfExists(c.file());
        }
        return Optional.empty();
    }

    /**
     * Aborts the upload an unreadable checkpoint named, if possible: what is left of the file is not trusted enough
     * to fail the upload over, so one that cannot be aborted (already gone, refused) is a warning.
     */
    private boolean abortQuietly(String key, String uploadId, List<String> warnings) {
        try {
            store.abort(settings.bucket(), key, uploadId);
            return true;
        } catch (TransferException e) {
            warnings.add(settings.bucket() + "/" + key + ": upload " + uploadId + " of an unusable checkpoint could"
                    + " not be aborted (" + e.getMessage() + "); " + LIFECYCLE_HINT);
            return false;
        }
    }

    private Outcome.Uploaded multipart(
            FileSelection.Selected selected,
            String key,
            String contentType,
            PartPlan requested,
            long mtime,
            Optional<Checkpoint> resume,
            List<String> warnings) {
        String bucket = settings.bucket();
        Checkpoint checkpoint = resume.flatMap(c -> confirmed(c)).orElse(null);
        PartPlan plan = checkpoint == null
                ? requested
                : PartPlan.of(
                        requested.fileSize(),
                        OptionalLong.of(checkpoint.partSize()),
                        Math.min(options.threshold(), requested.fileSize()));
        if (checkpoint == null) {
            String uploadId = initiate(bucket, key, contentType, warnings);
            checkpoint =
                    Checkpoint.start(bucket, key, uploadId, selected.file(), plan.fileSize(), mtime, plan.partSize());
            save(checkpoint);
        }
        active.put(selected.name(), checkpoints.pathFor(bucket, key, selected.file()));
        try {
            return sendParts(selected, key, plan, checkpoint);
        } finally {
            active.remove(selected.name());
        }
    }

    /**
     * What an interruption (Ctrl-C) leaves: one line per multipart upload still running, with where its checkpoint
     * is. Safe to call from a shutdown hook while uploads run.
     */
    public List<String> interruptedNotices() {
        return active.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": interrupted; checkpoint " + e.getValue()
                        + ": run the same command again, from any directory, to resume")
                .toList();
    }

    private Outcome.Uploaded sendParts(
            FileSelection.Selected selected, String key, PartPlan plan, Checkpoint checkpoint) {
        String bucket = settings.bucket();
        int resumed = checkpoint.parts().size();
        checkpoint.parts().forEach(p -> progress.transferred(selected.name(), p.size()));
        PartRun run = new PartRun(checkpoint);
        List<Future<?>> futures = new ArrayList<>();
        for (PartPlan.Part part : plan.parts()) {
            if (run.has(part.number())) {
                continue;
            }
            futures.add(transfers.submit(() -> {
                if (run.failed()) {
                    return null; // another part failed: the upload is about to be aborted or resumed later
                }
                try {
                    ObjectStore.Stored stored = slots.run(
                            moved -> store.uploadPart(
                                    bucket,
                                    key,
                                    run.uploadId(),
                                    selected.file(),
                                    part,
                                    moved.andThen(n -> progress.transferred(selected.name(), n))),
                            done -> part.length());
                    run.record(
                            new Checkpoint.CompletedPart(part.number(), stored.etag(), stored.crc64(), part.length()));
                    return null;
                } catch (RuntimeException e) {
                    run.fail();
                    throw e;
                }
            }));
        }
        try {
            settle(futures, run);
            Checkpoint done = run.current();
            long expected = done.objectCrc64(plan.partCount())
                    .orElseThrow(() -> new TransferException(key + ": parts missing after upload", null, false, null));
            ObjectStore.Stored stored = store.complete(bucket, key, done.uploadId(), done.parts());
            if (stored.crc64() != expected) {
                throw new TransferException(
                        key + ": CRC-64 of the completed object is " + Crc64.format(stored.crc64())
                                + ", the parts combine to " + Crc64.format(expected),
                        "InvalidDigest",
                        false,
                        null);
            }
            checkpoints.delete(bucket, key, selected.file());
            return new Outcome.Uploaded(selected.name(), report(key, plan.fileSize(), stored), false, resumed);
        } catch (TransferException e) {
            if (e.resumable()) {
                throw new TransferException(
                        e.getMessage() + " (checkpoint kept in " + checkpoints.pathFor(bucket, key, selected.file())
                                + ": run the same command again, from any directory, to resume)",
                        e.code().orElse(null),
                        true,
                        e);
            }
            abortAfter(e, run.uploadId(), key, selected.file());
            throw e;
        } catch (UploadException | UncheckedIOException e) {
            abortAfter(e, run.uploadId(), key, selected.file());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(key + ": cannot delete the checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * InitiateMultipartUpload, then, when an attempt's answer was lost, the abort of the uploads
     * such attempts started: their ids never arrived, so no checkpoint or later run would find
     * them. This runs whether initiating finally worked or failed. The store reports which
     * attempts lost their answers (it alone sees why an attempt failed) rather than the uploader
     * listing after every retry: a throttled or refused attempt created nothing, and the listing
     * is one more request, and one more permission, that the ordinary case should not need.
     */
    private String initiate(String bucket, String key, String contentType, List<String> warnings) {
        List<ObjectStore.LostAnswer> lost = new ArrayList<>();
        Optional<String> uploadId = Optional.empty();
        try {
            uploadId = Optional.of(store.initiate(bucket, key, contentType, lost::add));
            return uploadId.get();
        } finally {
            if (!lost.isEmpty()) {
                abortLost(bucket, key, lost, uploadId, warnings);
            }
        }
    }

    /**
     * Aborts the uploads on {@code key} that the {@code lost} attempts started (see {@link LostInitiations}).
     * A cleanup that cannot be done becomes a warning: the file's own outcome stands either way.
     */
    private void abortLost(
            String bucket,
            String key,
            List<ObjectStore.LostAnswer> lost,
            Optional<String> kept,
            List<String> warnings) {
        String where = bucket + "/" + key;
        List<ObjectStore.PendingUpload> pending;
        try {
            pending = store.uploadsOf(bucket, key);
        } catch (TransferException e) {
            warnings.add(where + ": "
                    + (lost.size() == 1
                            ? "1 InitiateMultipartUpload answer was"
                            : lost.size() + " InitiateMultipartUpload answers were")
                    + " lost, and the uploads started meanwhile could not be listed to abort them (" + e.getMessage()
                    + "); " + LIFECYCLE_HINT);
            return;
        }
        for (String orphan : LostInitiations.orphans(lost, pending, kept)) {
            try {
                store.abort(bucket, key, orphan);
            } catch (TransferException e) {
                warnings.add(where + ": upload " + orphan
                        + ", started by an InitiateMultipartUpload whose answer was lost, could not be" + " aborted ("
                        + e.getMessage() + "); " + LIFECYCLE_HINT);
            }
        }
    }

    /** The checkpoint reduced to the parts ListParts confirms; empty (and cleaned up) when its upload is gone. */
    private Optional<Checkpoint> confirmed(Checkpoint c) {
        Optional<List<Checkpoint.ListedPart>> listed = store.listParts(c.bucket(), c.key(), c.uploadId());
        if (listed.isEmpty()) {
            try {
                checkpoints.delete(c.bucket(), c.key(), Path.of(c.file()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the checkpoint of " + c.key() + ": " + e.getMessage(), e);
            }
            return Optional.empty();
        }
        return Optional.of(new Checkpoint(
                c.bucket(),
                c.key(),
                c.uploadId(),
                c.file(),
                c.size(),
                c.mtimeMillis(),
                c.partSize(),
                c.confirmedBy(listed.get())));
    }

    private void abortAfter(RuntimeException failure, String uploadId, String key, Path file) {
        try {
            store.abort(settings.bucket(), key, uploadId);
            checkpoints.delete(settings.bucket(), key, file);
        } catch (TransferException | IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The checkpoint of a running upload; parts finish on several threads. */
    private final class PartRun {
        private Checkpoint current;
        private boolean failed;

        synchronized boolean failed() {
            return failed;
        }

        synchronized void fail() {
            failed = true;
        }

        PartRun(Checkpoint start) {
            this.current = start;
        }

        synchronized boolean has(int number) {
            return current.parts().stream().anyMatch(p -> p.number() == number);
        }

        String uploadId() {
            return current().uploadId();
        }

        synchronized Checkpoint current() {
            return current;
        }

        synchronized void record(Checkpoint.CompletedPart part) {
            current = current.withPart(part);
            save(current);
        }
    }

    private void save(Checkpoint checkpoint) {
        try {
            checkpoints.save(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the checkpoint of " + checkpoint.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for every part. After the first failure the parts not yet started skip their work and
     * the running ones are waited for, so no part lands after the upload is aborted; later
     * failures are attached to the first.
     */
    private static void settle(List<Future<?>> futures, PartRun run) {
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                await(f);
            } catch (RuntimeException e) {
                run.fail();
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new TransferException("interrupted", null, true, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new TransferException(String.valueOf(e.getCause()), null, false, e.getCause());
        }
    }

    private UploadReport report(String key, long size, ObjectStore.Stored stored) {
        // Whole seconds: the signed expiry has that precision, and expires_at must not promise more.
        Instant expiresAt = clock.instant().plus(settings.urlExpires()).truncatedTo(ChronoUnit.SECONDS);
        String url = store.presign(settings.bucket(), key, "GET", expiresAt, Optional.empty(), Map.of())
                .toString();
        return new UploadReport(settings.bucket(), key, size, stored.crc64(), stored.etag(), url, expiresAt);
    }

    @Override
    public void close() {
        transfers.shutdownNow();
    }
}
