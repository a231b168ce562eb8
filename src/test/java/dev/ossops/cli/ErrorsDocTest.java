package dev.ossops.cli;

import dev.ossops.common.ErrorCode;
import dev.ossops.spec.ProblemCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/errors.md cannot drift: it lists every code with its category and exit status, and no code that is gone. */
class ErrorsDocTest {

    private static final Path DOC = Path.of("docs/errors.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+\\.[a-z_]+)` \\|", Pattern.MULTILINE);
    /** A row of the table of serve's HTTP errors: statuses, then the code its JSON bodies carry. */
    private static final Pattern SERVE_ROW =
            Pattern.compile("^\\| [0-9, ]+ \\| `([a-z_]+\\.[a-z_]+)` \\|", Pattern.MULTILINE);

    @Test
    void errorsDoc_everyErrorCode_hasItsRowWithCategoryAndExit() throws IOException {
        String doc = Files.readString(DOC);

        for (ErrorCode code : ErrorCode.values()) {
            String row = "| `" + code.id() + "` | " + code.category().name().toLowerCase(Locale.ROOT) + " | "
                    + ExitCodes.of(code.category()) + " | ";
            assertTrue(doc.contains("\n" + row), "docs/errors.md lacks the row starting " + row);
        }
    }

    @Test
    void errorsDoc_everyProblemCode_hasItsRow() throws IOException {
        String doc = Files.readString(DOC);

        for (ProblemCode code : ProblemCode.values()) {
            String row = "| `" + code.id() + "` | ";
            assertTrue(doc.contains("\n" + row), "docs/errors.md lacks the row starting " + row);
        }
    }

    @Test
    void errorsDoc_listsNoCodeThatDoesNotExist() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(DOC));
        List<String> documented = rows.results().map(m -> m.group(1)).toList();
        Set<String> known = Stream.concat(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::id),
                        Arrays.stream(ProblemCode.values()).map(ProblemCode::id))
                .collect(Collectors.toSet());

        assertEquals(
                List.of(), documented.stream().filter(id -> !known.contains(id)).toList());
        assertEquals(known.size(), documented.size(), "a code is listed twice: " + documented);
    }

    @Test
    void errorsDoc_serveTable_namesOnlyErrorCodes() throws IOException {
        Matcher rows = SERVE_ROW.matcher(Files.readString(DOC));
        List<String> documented = rows.results().map(m -> m.group(1)).toList();
        Set<String> known = Arrays.stream(ErrorCode.values()).map(ErrorCode::id).collect(Collectors.toSet());

        assertTrue(documented.contains(ErrorCode.SERVE_REFUSED.id()), "no serve table in docs/errors.md");
        assertEquals(
                List.of(), documented.stream().filter(id -> !known.contains(id)).toList());
    }

    @Test
    void codes_areUniqueAndStableInShape() {
        Set<String> ids = Stream.concat(
                        Arrays.stream(ErrorCode.values()).map(ErrorCode::id),
                        Arrays.stream(ProblemCode.values()).map(ProblemCode::id))
                .collect(Collectors.toSet());

        assertEquals(ErrorCode.values().length + ProblemCode.values().length, ids.size());
        ids.forEach(id -> assertTrue(id.matches("[a-z]+\\.[a-z_]+"), id));
    }
}
