package dev.ossops.emulator.datadir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <data dir>/emulator.json}: which process serves the data dir, where, and since when. Written
 * by the emulator holding the data dir's lock, so it is current while that lock is held; a record
 * left by a process that was killed is recognised by the lock being free ({@link DataDirLock}).
 *
 * @param pid       the serving process
 * @param endpoint  {@code http://127.0.0.1:PORT}; empty while the emulator is still starting
 * @param startedAt when it took the data dir
 */
public record ServingRecord(long pid, Optional<URI> endpoint, Instant startedAt) {
    public static final String NAME = "emulator.json";
    private static final int MAX_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path of(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The port of {@link #endpoint()}. */
    public Optional<Integer> port() {
        return endpoint.map(URI::getPort);
    }

    /** "ossops emulator pid 123 on http://127.0.0.1:9000 (started ...)", for messages. */
    public String describe() {
        return "ossops emulator pid " + pid + endpoint.map(e -> " on " + e).orElse(" (starting)") + ", started "
                + startedAt;
    }

    /** The record in {@code dataDir}, empty when there is none or it cannot be understood (it is only a hint). */
    public static Optional<ServingRecord> read(Path dataDir) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(of(dataDir), LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + of(dataDir) + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null
                    || !node.path("pid").canConvertToLong()
                    || !node.path("startedAt").isTextual()) {
                return Optional.empty();
            }
            JsonNode endpoint = node.path("endpoint");
            return Optional.of(new ServingRecord(
                    node.get("pid").asLong(),
                    endpoint.isTextual() ? Optional.of(URI.create(endpoint.asText())) : Optional.empty(),
                    Instant.parse(node.get("startedAt").asText())));
        } catch (IOException | IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    byte[] toJson() {
        ObjectNode node = JSON.createObjectNode().put("pid", pid);
        endpoint.ifPresent(e -> node.put("endpoint", e.toString()));
        node.put("startedAt", startedAt.toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
