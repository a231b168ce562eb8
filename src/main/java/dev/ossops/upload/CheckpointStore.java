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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Multipart checkpoints on disk, one JSON file per upload, in one place whatever the working directory
 * ({@link #defaultDirectory}: {@code ~/.ossops/checkpoints}), so a rerun from another directory still finds them.
 * A file is named by the SHA-256 of bucket and absolute source path, then the SHA-256 of the key: the checkpoints of a
 * file are found by name even when the key is drawn anew each run ({@code {uuid}}), and even when one is unreadable.
 * Size and mtime are stored inside, not in the name: a file changed since the checkpoint then still finds its old
 * upload, which is reported {@link Load.Stale} so the caller aborts it instead of leaving it billed and invisible.
 * <p>Writes are atomic: a temp file in the same directory, fsync, then an atomic rename, so a
 * crash leaves the old checkpoint or the new one, never half of one. A file that cannot be
 * trusted (truncated, edited, oversized, a symbolic link) is never silently replaced: {@link Load.Corrupt} says why,
 * with the upload id and key when they can still be read and agree with the file's name, so the caller can abort it.
 */
public final class CheckpointStore {
    /** A checkpoint of 10,000 parts is about 1.5 MB: anything far larger was not written by ossops. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    static final int FORMAT = 1;

    private static final Pattern UPLOAD_ID = Pattern.compile("\"uploadId\"\\s*:\\s*\"([^\"\\\\]{1,256})\"");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.){1,4096}\")");

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    public CheckpointStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * {@code ~/.ossops/checkpoints}, the user's ossops state: {@code ~} from {@code HOME}, then {@code USERPROFILE}
     * (Windows), then Java's {@code user.home}, as the aliyun CLI finds its config.
     */
    public static Path defaultDirectory(Map<String, String> environment) {
        String home = Stream.of(environment.get("HOME"), environment.get("USERPROFILE"))
                .filter(h -> h != null && !h.isBlank())
                .findFirst()
                .orElse(System.getProperty("user.home"));
        return Path.of(home, ".ossops", "checkpoints");
    }

    public Path directory() {
        return directory;
    }

    /** What loading a checkpoint found. */
    public sealed interface Load {
        /** No checkpoint: start a new upload. */
        record Missing() implements Load {}

        /** A checkpoint for exactly this file: verify its parts with ListParts and resume. */
        record Resumable(Checkpoint checkpoint) implements Load {}

        /** A checkpoint for this upload target, but the file changed: abort its upload, start again. */
        record Stale(Checkpoint checkpoint, String reason) implements Load {}

        /**
         * A checkpoint file that cannot be trusted; {@code uploadId} and {@code key} when they could still be read
         * and the key is the one the file's name was made from (so aborting cannot hit another key's upload).
         */
        record Corrupt(Path file, String reason, Optional<String> uploadId, Optional<String> key) implements Load {
            public Corrupt(Path file, String reason, Optional<String> uploadId) {
                this(file, reason, uploadId, Optional.empty());
            }
        }
    }

    /** The checkpoint file for an upload of {@code file} to {@code bucket}/{@code key}. */
    public Path pathFor(String bucket, String key, Path file) {
        return directory.resolve(fileStem(bucket, file) + "-" + Digests.sha256Hex(key) + ".json");
    }

    private static String fileStem(String bucket, Path file) {
        return Digests.sha256Hex(bucket + '\0' + canonical(file));
    }

    private static String canonical(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    /** Writes {@code checkpoint} atomically, replacing any earlier one for the same upload. */
    public void save(Checkpoint checkpoint) throws IOException {
        createPrivately(directory);
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
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Load.Missing();
        }
        return judge(path, bucket, Optional.of(key), canonical(file), size, mtimeMillis);
    }

    /**
     * Every checkpoint of {@code file} to {@code bucket}, whatever its key: with a layout that draws a UUID per upload
     * the key is not known in advance, so resuming starts here and reuses the checkpoint's key. Unreadable ones are
     * included as {@link Load.Corrupt}: they are this file's by their name, and their uploads still need aborting.
     */
    public List<Load> forFile(String bucket, Path file, long size, long mtimeMillis) throws IOException {
        List<Load> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        String canonical = canonical(file);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, fileStem(bucket, file) + "-*.json")) {
            for (Path entry : entries) {
                found.add(judge(entry, bucket, Optional.empty(), canonical, size, mtimeMillis));
            }
        }
        found.sort(Comparator.comparing(CheckpointStore::sortKey));
        return found;
    }

    private static String sortKey(Load load) {
        if (load instanceof Load.Resumable r) {
            return "1" + r.checkpoint().key();
        }
        if (load instanceof Load.Stale s) {
            return "1" + s.checkpoint().key();
        }
        return "0" + ((Load.Corrupt) load).file().getFileName();
    }

    private Load judge(Path path, String bucket, Optional<String> key, String file, long size, long mtimeMillis)
            throws IOException {
        if (Files.isSymbolicLink(path)) {
            return new Load.Corrupt(path, "is a symbolic link, which ossops never writes", Optional.empty());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            return new Load.Corrupt(path, "larger than " + MAX_BYTES + " bytes", Optional.empty());
        }
        String keyHash =
                path.getFileName().toString().replaceFirst("^[0-9a-f]{64}-", "").replaceFirst("\\.json$", "");
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            return salvage(path, bytes, keyHash, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return salvage(path, bytes, keyHash, "not JSON: " + String.valueOf(e.getMessage()));
        }
        Optional<String> uploadId = root != null && root.path("uploadId").isTextual()
                ? Optional.of(root.get("uploadId").asText())
                : Optional.empty();
        Optional<String> namedKey = root != null && root.path("key").isTextual()
                ? Optional.of(root.get("key").asText())
                        .filter(k -> Digests.sha256Hex(k).equals(keyHash))
                : Optional.empty();
        Checkpoint checkpoint;
        try {
            checkpoint = fromJson(root);
        } catch (UploadException e) {
            return new Load.Corrupt(path, String.valueOf(e.getMessage()), uploadId, namedKey);
        }
        if (!checkpoint.bucket().equals(bucket)
                || !checkpoint.file().equals(file)
                || !Digests.sha256Hex(checkpoint.key()).equals(keyHash)
                || (key.isPresent() && !checkpoint.key().equals(key.get()))) {
            return new Load.Corrupt(
                    path,
                    "checkpoint is for bucket '" + checkpoint.bucket() + "' key '" + checkpoint.key() + "' file '"
                            + checkpoint.file() + "', not this upload",
                    uploadId,
                    Optional.empty());
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

    /**
     * A checkpoint cut short (a full disk, an editor) still names its upload near the start: the id and key are
     * read from the text, and kept only when the key is the one the file's name was made from.
     */
    private Load.Corrupt salvage(Path path, byte[] bytes, String keyHash, String reason) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher id = UPLOAD_ID.matcher(text);
        Matcher key = KEY.matcher(text);
        Optional<String> uploadId = id.find() ? Optional.of(id.group(1)) : Optional.empty();
        Optional<String> namedKey = Optional.empty();
        if (key.find()) {
            try {
                namedKey = Optional.of(json.readValue(key.group(1), String.class))
                        .filter(k -> Digests.sha256Hex(k).equals(keyHash));
            } catch (JsonProcessingException e) {
                namedKey = Optional.empty();
            }
        }
        return new Load.Corrupt(path, reason, uploadId, namedKey);
    }

    /** The directory, owner-only where the file system has POSIX permissions: upload ids are not for other users. */
    private static void createPrivately(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // another upload of this run created it meanwhile
        }
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
