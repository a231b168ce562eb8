package dev.ossops.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of problem carries its stable code, the one {@code validate --format json} prints. */
class ProblemCodeTest {

    private static final String HEADER = "apiVersion: ossops/v1\nkind: Profile\nname: test\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void load_badInput_reportsItsCode(String expected, String profile, Map<String, String> files) throws IOException {
        Files.writeString(dir.resolve("profile.yaml"), profile);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }

        List<String> codes = new ProfileLoader()
                .load(dir.resolve("profile.yaml")).problems().stream()
                        .map(p -> p.code().id())
                        .toList();

        assertEquals(List.of(expected), codes);
    }

    @Test
    void load_missingProfile_isAFileProblem() {
        List<Problem> problems =
                new ProfileLoader().load(dir.resolve("nope.yaml")).problems();

        assertEquals(
                List.of(ProblemCode.FILE), problems.stream().map(Problem::code).toList());
    }

    static Stream<Arguments> cases() {
        String region = "region: cn-hangzhou\n";
        return Stream.of(
                Arguments.of("profile.syntax", "apiVersion: ossops/v1\nkind: [Profile\n", Map.of()),
                Arguments.of("profile.unknown_key", HEADER + region + "regon: x\n", Map.of()),
                Arguments.of("profile.missing_key", HEADER, Map.of()),
                Arguments.of("profile.type", HEADER + region + "buckets: [a]\n", Map.of()),
                Arguments.of("profile.value", HEADER + "region: mars-1\n", Map.of()),
                Arguments.of(
                        "profile.file", HEADER + region + "buckets:\n  my-bucket:\n    cors: missing.json\n", Map.of()),
                Arguments.of(
                        "profile.syntax",
                        HEADER + region + "buckets:\n  my-bucket:\n    cors: cors.json\n",
                        Map.of("cors.json", "{\"CORSRules\": [\n")),
                Arguments.of("profile.settings", HEADER + region + "emulator: {}\n", Map.of()),
                Arguments.of(
                        "profile.cdn",
                        HEADER + region
                                + "cdn:\n  domains:\n    media.example.com:\n      type: web\n      origin: {}\n",
                        Map.of()));
    }
}
