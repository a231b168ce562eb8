package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.common.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One service's state as one JSON document, replaced atomically ({@link AtomicFiles}) so a crash
 * leaves either the old or the new state, never half of one.
 */
public final class JsonStateFile {
    private final Path file;
    private final ObjectMapper mapper;

    public JsonStateFile(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    public <T> Optional<T> read(Class<T> type) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read emulator state " + file, e);
        }
    }

    public void write(Object state) {
        try {
            AtomicFiles.replace(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException(
                    "emulator state directory does not support atomic rename: " + file.getParent(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write emulator state " + file, e);
        }
    }
}
