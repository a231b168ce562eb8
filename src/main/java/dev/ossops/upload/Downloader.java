package dev.ossops.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.common.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Downloads objects to files. Large objects are fetched as ranged GETs in parallel, each chunk
 * written at its offset of {@code <name>.ossops-partial}; the chunks done are recorded beside it
 * in {@code <name>.ossops-partial.json} with the object's size and ETag, so a rerun fetches only
 * the missing chunks of the same object. The finished file's CRC-64 must equal the one the
 * service reports before it is moved into place; nothing is left half-written under the final name.
 * <p>
 * Files go only where they belong: names are checked by {@link LocalNames#inside}; an existing file
 * (or link) under the final name is refused unless {@link Options#overwrite()}, and then replaced by a
 * rename, never written through; the partial file and its state are never followed when they are
 * symbolic links (someone else's link in a shared directory would aim the download at any file).
 */
public final class Downloader implements AutoCloseable {
    static final String PARTIAL = ".ossops-partial";
    private static final int BUFFER = 64 * 1024;

    /** Where an object's bytes come from: an OSS object through the SDK, or an http(s) URL. */
    public interface Source {
        /** Size, the CRC-64 when the service reports one, and an ETag that changes with the object. */
        record Info(long size, OptionalLong crc64, String etag) {}

        Info info();

        /** {@code length} (at least 1) bytes from {@code offset}; the caller closes the stream. */
        InputStream open(long offset, long length);
    }

    /**
     * @param threshold objects this large or larger are fetched in ranged chunks
     * @param chunkSize bytes per ranged GET
     * @param parallel  chunks in flight when pinned; empty to adapt ({@link ParallelismController})
     * @param overwrite replace a file that already has the download's name ({@code get --force})
     */
    public record Options(long threshold, long chunkSize, OptionalInt parallel, boolean overwrite) {
        public Options {
            if (chunkSize < 1 || threshold < 1) {
                throw new UploadException("chunk size and threshold must be positive");
            }
            Objects.requireNonNull(parallel, "parallel");
            if (parallel.isPresent()) {
                ParallelismController.pinned(parallel.getAsInt()); // the range check
            }
        }

        /** {@code parallel} chunks in flight, pinned. */
        public Options(long threshold, long chunkSize, int parallel, boolean overwrite) {
            this(threshold, chunkSize, OptionalInt.of(parallel), overwrite);
        }
    }

    /** What became of one URL; {@code shown} is the URL without its query. */
    public sealed interface Outcome {
        String shown();

        record Downloaded(String shown, Path file, long size, long crc64, int resumedChunks) implements Outcome {}

        record Failed(String shown, String message) implements Outcome {}
    }

    private final Options options;
    private final TransferProgress progress;
    private final TransferSlots slots;
    private final ExecutorService chunks;
    private final ObjectMapper json = new ObjectMapper();

    /** With slots of its own, pinned or adaptive as {@code options} say. */
    public Downloader(Options options, TransferProgress progress) {
        this(options, progress, new TransferSlots(ParallelismController.of(options.parallel())));
    }

    /** @param slots what ranged GETs wait for; shared with the source's throttling signal ({@code TransferSlots::throttled}) */
    public Downloader(Options options, TransferProgress progress, TransferSlots slots) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.slots = Objects.requireNonNull(slots, "slots");
        this.chunks = Executors.newFixedThreadPool(slots.controller().ceiling(), Uploader.daemon("ossops-download"));
    }

    /** Downloads {@code source} to {@code dir/fileName}; failures become {@link Outcome.Failed} with a printable reason. */
    public Outcome download(String shown, Source source, Path dir, String fileName) {
        try {
            return fetch(shown, source, dir, fileName);
        } catch (UploadException | TransferException | UncheckedIOException e) {
            progress.finished(fileName, false);
            return new Outcome.Failed(shown, Secrets.redact(e.getMessage()));
        }
    }

    private Outcome fetch(String shown, Source source, Path dir, String fileName) {
        Path target = LocalNames.inside(dir, fileName);
        Path partial = LocalNames.inside(dir, fileName + PARTIAL);
        Path state = LocalNames.inside(dir, fileName + PARTIAL + ".json");
        if (!options.overwrite() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new UploadException(shown + ": " + target + " already exists; pass --force to replace it");
        }
        for (Path own : List.of(partial, state)) {
            if (Files.isSymbolicLink(own)) {
                throw new UploadException(
                        shown + ": " + own + " is a symbolic link; ossops does not write through links: remove it");
            }
        }
        Source.Info info = source.info();
        long size = info.size();
        int count = size < options.threshold() ? 1 : (int) ((size - 1) / options.chunkSize() + 1);
        long chunk = count == 1 ? Math.max(size, 1) : options.chunkSize();
        try {
            Files.createDirectories(dir);
            BitSet done = resumeState(state, partial, info, chunk);
            if (done.isEmpty()) {
                try (FileChannel f = FileChannel.open(
                        partial,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS)) {
                    if (size > 0) {
                        f.write(ByteBuffer.allocate(1), size - 1); // the file's full size up front; chunks fill it in
                    }
                }
            }
            int resumed = done.cardinality();
            progress.started(fileName, size);
            progress.transferred(fileName, Math.min(size, (long) resumed * chunk));
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count && size > 0; i++) {
                if (done.get(i)) {
                    continue;
                }
                int index = i;
                long offset = index * chunk;
                long length = Math.min(chunk, size - offset);
                futures.add(chunks.submit(() -> {
                    ParallelismController.Transfer slot = slots.acquire();
                    long fetched = 0;
                    try {
                        copy(source, partial, offset, length, fileName, slot);
                        fetched = length;
                    } finally {
                        slots.release(slot, fetched);
                    }
                    record(state, info, chunk, done, index);
                    return null;
                }));
            }
            awaitAll(futures, shown);
            long crc = crc64Of(partial);
            if (info.crc64().isPresent() && info.crc64().getAsLong() != crc) {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(state);
                throw new TransferException(
                        shown + ": downloaded CRC-64 " + Crc64.format(crc) + " differs from the service's "
                                + Crc64.format(info.crc64().getAsLong()),
                        "InvalidDigest",
                        false,
                        null);
            }
            moveIntoPlace(shown, partial, target);
            Files.deleteIfExists(state);
            progress.finished(fileName, true);
            return new Outcome.Downloaded(shown, target, size, crc, resumed);
        } catch (IOException e) {
            throw new UncheckedIOException(shown + ": cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renames the finished file onto its name: over an existing one only with {@code overwrite} (a link there is
     * replaced, not followed); without, a file that appeared during the download makes the move fail rather than
     * be replaced, and the finished download stays as the partial file.
     */
    private void moveIntoPlace(String shown, Path partial, Path target) throws IOException {
        if (options.overwrite()) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            Files.move(partial, target);
        } catch (FileAlreadyExistsException e) {
            throw new UploadException(
                    shown + ": " + target + " appeared during the download; pass --force to replace it "
                            + "(the download is kept as " + partial + ")");
        }
    }

    private void copy(
            Source source, Path partial, long offset, long length, String name, ParallelismController.Transfer slot)
            throws IOException {
        try (InputStream in = source.open(offset, length);
                FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[BUFFER];
            long position = offset;
            long remaining = length;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new TransferException(
                            "connection closed " + remaining + " bytes before the end of the range at " + offset,
                            null,
                            true,
                            null);
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    position += out.write(bytes, position);
                }
                remaining -= n;
                slot.moved(n);
                progress.transferred(name, n);
            }
        }
    }

    /** The chunks already on disk for this very object (same size, ETag and chunk size); empty otherwise. */
    private BitSet resumeState(Path state, Path partial, Source.Info info, long chunk) throws IOException {
        if (!Files.exists(state, LinkOption.NOFOLLOW_LINKS) || !Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
            return new BitSet();
        }
        JsonNode node;
        try (InputStream in = Files.newInputStream(state, LinkOption.NOFOLLOW_LINKS)) {
            node = json.readTree(in);
        } catch (IOException e) {
            return new BitSet(); // unreadable state: the partial file is rewritten from scratch
        }
        if (node == null
                || node.path("size").asLong(-1) != info.size()
                || !node.path("etag").asText("").equals(info.etag())
                || node.path("chunkSize").asLong(-1) != chunk
                || Files.size(partial) != info.size()) {
            return new BitSet();
        }
        BitSet done = new BitSet();
        node.path("done").forEach(n -> done.set(n.asInt()));
        return done;
    }

    private synchronized void record(Path state, Source.Info info, long chunk, BitSet done, int index)
            throws IOException {
        done.set(index);
        ObjectNode node = json.createObjectNode();
        node.put("size", info.size());
        node.put("etag", info.etag());
        node.put("chunkSize", chunk);
        var list = node.putArray("done");
        done.stream().forEach(list::add);
        AtomicFiles.replace(state, json.writeValueAsBytes(node));
    }

    private static void awaitAll(List<Future<?>> futures, String shown) {
        RuntimeException first = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransferException(
                        shown + ": interrupted (partial download kept: run again to resume)", null, true, e);
            } catch (ExecutionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException r
                        ? r
                        : e.getCause() instanceof IOException io
                                ? new UncheckedIOException(io.getMessage(), io)
                                : new TransferException(String.valueOf(e.getCause()), null, false, e.getCause());
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw new TransferException(
                    first.getMessage() + " (partial download kept: run again to resume)", null, true, first);
        }
    }

    private static long crc64Of(Path file) {
        return Uploader.crc64Of(file);
    }

    @Override
    public void close() {
        chunks.shutdownNow();
    }
}
