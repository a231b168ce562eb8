package dev.ossops.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalNamesTest {
    @TempDir
    Path dir;

    @Test
    void problem_namesThatLeaveTheDirectoryOnSomePlatform_areRefused() {
        assertEquals(Optional.of("it contains '\\', a path separator"), LocalNames.problem("a\\..\\..\\x"));
        assertEquals(Optional.of("it contains '/', a path separator"), LocalNames.problem("../x"));
        assertEquals(Optional.of("'..' names a directory"), LocalNames.problem(".."));
        assertEquals(Optional.of("'.' names a directory"), LocalNames.problem("."));
        assertEquals(Optional.of("it contains ':', a drive or stream separator on Windows"), LocalNames.problem("C:x"));
        assertEquals(
                Optional.of("it contains ':', a drive or stream separator on Windows"),
                LocalNames.problem("a.txt:stream"));
        assertEquals(Optional.of("it contains the control character \\x00"), LocalNames.problem("a\0.txt"));
        assertEquals(Optional.of("it contains the control character \\x0D"), LocalNames.problem("a\r\nb"));
        assertEquals(Optional.of("it contains the control character \\x1B"), LocalNames.problem("\u001b[2Jx"));
        assertEquals(Optional.of("the name is empty"), LocalNames.problem(""));
    }

    @Test
    void problem_ordinaryNames_pass() {
        for (String name :
                new String[] {"a.png", "report 2026.pdf", "照片.png", "..hidden", "a..b", "x+y=z", ".profile"}) {
            assertEquals(Optional.empty(), LocalNames.problem(name), name);
        }
    }

    @Test
    void inside_goodName_isAFileOfTheDirectory() {
        assertEquals(dir.toAbsolutePath().normalize().resolve("a.png"), LocalNames.inside(dir, "a.png"));
        assertEquals(
                dir.toAbsolutePath().normalize().resolve("..hidden"),
                LocalNames.inside(dir.resolve("sub/.."), "..hidden"));
    }

    @Test
    void inside_badName_isRefusedWithThePrintableName() {
        UploadException e = assertThrows(UploadException.class, () -> LocalNames.inside(dir, "x\n..\\y"));
        assertEquals("'x\\x0A..\\y' cannot be a file name: it contains the control character \\x0A", e.getMessage());
        assertEquals(
                "'..' cannot be a file name: '..' names a directory",
                assertThrows(UploadException.class, () -> LocalNames.inside(dir, ".."))
                        .getMessage());
    }

    @Test
    void printable_controlCharactersEscaped() {
        assertEquals(
                "oss://b/a\\x0D\\x0Aforged line\\x00\\u2028", LocalNames.printable("oss://b/a\r\nforged line\0\u2028"));
        assertEquals("oss://b/照片 a\\b.png", LocalNames.printable("oss://b/照片 a\\b.png"));
    }
}
