package dev.ossops.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.checksum.Crc64;
import dev.ossops.common.AtomicFiles;
import dev.ossops.common.Digests;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Multipart checkpoints on disk ({@code .ossops/checkpoints/} by default), one JSON file per
 * upload, named by the SHA-256 of bucket, key and source path. Size and mtime are stored inside,
 * not in the name: a file changed since the checkpoint then still finds its old upload, which is
 * reported {@link Load.Stale} so the caller aborts it instead of leaving it billed and invisible.
 * <p>Writes are atomic: a temp file in the same directory, fsync, then an atomic rename, so a
 * crash leaves the old checkpoint or the new one, never half of one. A file that cannot be
 * trusted is never silently replaced: {@link Load.Corrupt} says why.
 */
public final class CheckpointStore {
    /** Where checkpoints live, relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of(".ossops", "checkpoints");

    static final int FORMAT = 1;

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    public CheckpointStore(Path directory) {
        this.directory = directory;
    }

    /** What loading a checkpoint found. */
    public sealed interface Load {
        /** No checkpoint: start a new upload. */
        record Missing() implements Load {}

        /** A checkpoint for exactly this file: verify its parts with ListParts and resume. */
        record Resumable(Checkpoint checkpoint) implements Load {}

        /** A checkpoint for this upload target, but the file changed: abort its upload, start again. */
        record Stale(Checkpoint checkpoint, String reason) implements Load {}

        /** A checkpoint file that cannot be trusted; {@code uploadId} when it could still be read. */
        record Corrupt(Path file, String reason, Optional<String> uploadId) implements Load {}
    }

    /** The checkpoint file for an upload of {@code file} to {@code bucket}/{@code key}. */
    public Path pathFor(String bucket, String key, Path file) {
        String identity = bucket + '\0' + key + '\0' + canonical(file);
        return directory.resolve(Digests.sha256Hex(identity) + ".json");
    }

    private static String canonical(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Writes {@code checkpoint} atomically, replacing any earlier one for the same upload. */
    public void save(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        Path target = pathFor(checkpoint.bucket(), checkpoint.key(), Path.of(checkpoint.file()));
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(checkpoint));
        AtomicFiles.replace(target, bytes);
    }

    /** Removes the checkpoint of a completed or aborted upload; false when there was none. */
    public boolean delete(String bucket, String key, Path file) throws IOException {
        return Files.deleteIfExists(pathFor(bucket, key, file));
    }

    /** The checkpoint for uploading {@code file} (now {@code size} bytes, modified at {@code mtimeMillis}) to bucket/key. */
    public Load load(String bucket, String key, Path file, long size, long mtimeMillis) throws IOException {
        Path path = pathFor(bucket, key, file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Load.Missing();
        }
        return judge(path, bytes, bucket, Optional.of(key), canonical(file), size, mtimeMillis);
    }

    /**
     * Every readable checkpoint of {@code file} to {@code bucket}, whatever its key: with a layout
     * that draws a UUID per upload the key is not known in advance, so resuming starts here and
     * reuses the checkpoint's key. Files that cannot be read as checkpoints of this file are left
     * out (they are reported by {@link #load} for their own upload).
     */
    public List<Load> forFile(String bucket, Path file, long size, long mtimeMillis) throws IOException {
        List<Load> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        String canonical = canonical(file);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.json")) {
            for (Path entry : entries) {
                Load load =
                        judge(entry, Files.readAllBytes(entry), bucket, Optional.empty(), canonical, size, mtimeMillis);
                if (load instanceof Load.Resumable || load instanceof Load.Stale) {
                    found.add(load);
                }
            }
        }
        found.sort((a, b) -> checkpointOf(a).key().compareTo(checkpointOf(b).key()));
        return found;
    }

    private static Checkpoint checkpointOf(Load load) {
        return load instanceof Load.Resumable r ? r.checkpoint() : ((Load.Stale) load).checkpoint();
    }

    private Load judge(
            Path path, byte[] bytes, String bucket, Optional<String> key, String file, long size, long mtimeMillis) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            return new Load.Corrupt(path, "not JSON: " + e.getOriginalMessage(), Optional.empty());
        } catch (IOException e) {
            return new Load.Corrupt(path, "not JSON: " + e.getMessage(), Optional.empty());
        }
        Optional<String> uploadId = root != null && root.path("uploadId").isTextual()
                ? Optional.of(root.get("uploadId").asText())
                : Optional.empty();
        Checkpoint checkpoint;
        try {
            checkpoint = fromJson(root);
        } catch (UploadException e) {
            return new Load.Corrupt(path, e.getMessage(), uploadId);
        }
        if (!checkpoint.bucket().equals(bucket)
                || !checkpoint.file().equals(file)
                || (key.isPresent() && !checkpoint.key().equals(key.get()))) {
            return new Load.Corrupt(
                    path,
                    "checkpoint is for bucket '" + checkpoint.bucket() + "' key '" + checkpoint.key() + "' file '"
                            + checkpoint.file() + "', not this upload",
                    uploadId);
        }
        List<String> changes = new ArrayList<>();
        if (checkpoint.size() != size) {
            changes.add("size " + checkpoint.size() + " -> " + size + " bytes");
        }
        if (checkpoint.mtimeMillis() != mtimeMillis) {
            changes.add("modified " + Instant.ofEpochMilli(checkpoint.mtimeMillis()) + " -> "
                    + Instant.ofEpochMilli(mtimeMillis));
        }
        if (!changes.isEmpty()) {
            return new Load.Stale(checkpoint, "file changed since the checkpoint (" + String.join(", ", changes) + ")");
        }
        return new Load.Resumable(checkpoint);
    }

    private ObjectNode toJson(Checkpoint c) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("bucket", c.bucket());
        root.put("key", c.key());
        root.put("uploadId", c.uploadId());
        root.put("file", c.file());
        root.put("size", c.size());
        root.put("mtime", c.mtimeMillis());
        root.put("partSize", c.partSize());
        ArrayNode parts = root.putArray("parts");
        for (Checkpoint.CompletedPart p : c.parts()) {
            ObjectNode part = parts.addObject();
            part.put("number", p.number());
            part.put("etag", p.etag());
            part.put("crc64", Crc64.format(p.crc64()));
            part.put("size", p.size());
        }
        return root;
    }

    private static Checkpoint fromJson(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new UploadException("not a JSON object");
        }
        long format = number(root, "format");
        if (format != FORMAT) {
            throw new UploadException(
                    "unsupported checkpoint format " + format + " (this version reads " + FORMAT + ")");
        }
        long partSize = number(root, "partSize");
        if (partSize < PartPlan.MIN_PART_SIZE || partSize > PartPlan.MAX_PART_SIZE) {
            throw new UploadException("partSize " + partSize + " is outside OSS limits");
        }
        JsonNode partsNode = root.get("parts");
        if (partsNode == null || !partsNode.isArray()) {
            throw new UploadException("missing field 'parts'");
        }
        List<Checkpoint.CompletedPart> parts = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (JsonNode p : partsNode) {
            if (!p.isObject()) {
                throw new UploadException("parts[" + parts.size() + "] is not an object");
            }
            long number = number(p, "number");
            if (number < 1 || number > PartPlan.MAX_PARTS) {
                throw new UploadException("part number " + number + " is outside 1..10000");
            }
            if (!numbers.add((int) number)) {
                throw new UploadException("part " + number + " is listed twice");
            }
            String etag = text(p, "etag");
            String crcText = text(p, "crc64");
            long crc;
            try {
                crc = Crc64.parse(crcText);
            } catch (NumberFormatException e) {
                throw new UploadException("part " + number + " crc64 '" + crcText + "' is not an unsigned decimal", e);
            }
            long size = number(p, "size");
            if (size > partSize) {
                throw new UploadException(
                        "part " + number + " is larger (" + size + ") than the part size " + partSize);
            }
            parts.add(new Checkpoint.CompletedPart((int) number, etag, crc, size));
        }
        return new Checkpoint(
                text(root, "bucket"),
                text(root, "key"),
                text(root, "uploadId"),
                text(root, "file"),
                number(root, "size"),
                integer(root, "mtime"),
                partSize,
                parts);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new UploadException("missing field '" + field + "'");
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new UploadException("field '" + field + "' is not a non-empty string");
        }
        return v.asText();
    }

    /** An integer that may be negative: file times before 1970 exist. */
    private static long integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new UploadException("missing field '" + field + "'");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new UploadException("field '" + field + "' is not an integer");
        }
        return v.asLong();
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new UploadException("missing field '" + field + "'");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new UploadException("field '" + field + "' is not a non-negative integer");
        }
        return v.asLong();
    }
}
