package dev.ossops.plan;

import dev.ossops.spec.Problem;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.Severity;
import dev.ossops.spec.model.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Writes a profile body (after the standard header) and its documents to a directory and loads it for real. */
final class Profiles {

    private Profiles() {}

    static Profile load(Path dir, String body, Map<String, String> documents) {
        try {
            for (Map.Entry<String, String> doc : documents.entrySet()) {
                Path file = dir.resolve(doc.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, doc.getValue());
            }
            Path profile = dir.resolve("profile.yaml");
            Files.writeString(profile, "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-beijing\n" + body);
            ProfileLoader.Result result = new ProfileLoader().load(profile);
            assertEquals(
                    "[]",
                    result.problems().stream()
                            .filter(p -> p.severity() == Severity.ERROR)
                            .map(Problem::format)
                            .toList()
                            .toString());
            return result.profile().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Profile load(Path dir, String body) {
        return load(dir, body, Map.of());
    }
}
