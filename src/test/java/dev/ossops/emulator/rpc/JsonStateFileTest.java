package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonStateFileTest {
    record State(String name, List<Integer> values) {}

    @Test
    void write_thenRead_roundTripsAndLeavesNoTempFiles(@TempDir Path dir) throws Exception {
        JsonStateFile file = new JsonStateFile(dir.resolve("sub/state.json"), new ObjectMapper());
        assertEquals(Optional.empty(), file.read(State.class));
        file.write(new State("a", List.of(1, 2)));
        file.write(new State("b", List.of(3)));
        assertEquals(Optional.of(new State("b", List.of(3))), file.read(State.class));
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(
                    List.of("state.json"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
