package dev.ossops.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code --skip-existing} with a layout that makes a new key every run is refused before any request. */
class UploaderSkipExistingTest {
    @TempDir
    Path dir;

    private final List<String> calls = new ArrayList<>();

    /** A store that records every call and answers none: a refusal must come before the first. */
    private final ObjectStore store = (ObjectStore) Proxy.newProxyInstance(
            ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                throw new AssertionError("unexpected " + method.getName());
            });

    private String refusal(String template, KeyLayout.FilenameMode mode) throws Exception {
        FileSelection.Selected file =
                new FileSelection.Selected(Files.writeString(dir.resolve("a.png"), "png"), "a.png");
        UploaderSettings settings = new UploaderSettings(
                "media",
                "cn-hangzhou",
                "http://127.0.0.1:1",
                "up",
                template,
                Duration.ofHours(1),
                List.of(),
                OptionalLong.empty());
        try (Uploader uploader = new Uploader(
                store,
                settings,
                KeyLayout.of(template, mode, Clock.systemUTC(), UUID::randomUUID),
                new CheckpointStore(dir.resolve("cp")),
                new Uploader.Options(PartPlan.DEFAULT_THRESHOLD, OptionalLong.empty(), 1, true),
                Clock.systemUTC(),
                TransferProgress.NONE)) {
            return assertThrows(
                            UploadException.class, () -> uploader.uploadAll(List.of(file), Optional.empty(), o -> {}))
                    .getMessage();
        }
    }

    @Test
    void uploadAll_skipExistingWithUuidLayout_isRefusedNamingTheLayout() throws Exception {
        assertEquals(
                "--skip-existing cannot match anything with key layout '{prefix}/{date}/{uuid}_{filename}': {uuid}"
                        + " makes a new key every run; choose a layout without {uuid}, {timestamp} and"
                        + " filename_timestamp (e.g. --dir-mode no_subdirectory), or --key",
                refusal(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME));
        assertEquals(List.of(), calls);
    }

    @Test
    void uploadAll_skipExistingWithTimestamps_isRefused() throws Exception {
        assertEquals(
                "--skip-existing cannot match anything with key layout '{prefix}/{timestamp}-{filename}': {timestamp}"
                        + " makes a new key every run; choose a layout without {uuid}, {timestamp} and"
                        + " filename_timestamp (e.g. --dir-mode no_subdirectory), or --key",
                refusal("{prefix}/{timestamp}-{filename}", KeyLayout.FilenameMode.FILENAME));
        assertEquals(
                "--skip-existing cannot match anything with key layout '{prefix}/{filename}': filename mode"
                        + " filename_timestamp makes a new key every run; choose a layout without {uuid}, {timestamp}"
                        + " and filename_timestamp (e.g. --dir-mode no_subdirectory), or --key",
                refusal("{prefix}/{filename}", KeyLayout.FilenameMode.FILENAME_TIMESTAMP));
        assertEquals(List.of(), calls);
    }
}
