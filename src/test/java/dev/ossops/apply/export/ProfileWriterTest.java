package dev.ossops.apply.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Export export(Map<String, JsonNode> documents) {
        ObjectNode profile = JSON.createObjectNode().put("apiVersion", "ossops/v1");
        return new Export(profile, documents, List.of(), List.of());
    }

    @Test
    void checkTarget_absentOrEmptyDirectory_isAccepted() throws Exception {
        new ProfileWriter().checkTarget(dir.resolve("new"), false);
        new ProfileWriter().checkTarget(Files.createDirectories(dir.resolve("empty")), false);
    }

    @Test
    void checkTarget_nonEmptyDirectory_namesWhatIsThere() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String name : List.of("profile.yaml", "cors", "a.txt", "b.txt")) {
            Files.createFile(out.resolve(name));
        }
        ExportTargetException e =
                assertThrows(ExportTargetException.class, () -> new ProfileWriter().checkTarget(out, false));
        assertEquals(
                out
                        + " is not empty (a.txt, b.txt, cors, ...); pass --force to replace a previous export there (profile.yaml, "
                        + "cors/, lifecycle/ and policies/ are deleted first), or choose an empty directory",
                e.getMessage());
        new ProfileWriter().checkTarget(out, true);
    }

    @Test
    void write_documentOutsideTheExportFolders_isRefusedBeforeAnythingIsWritten() {
        for (String path : List.of(
                "../escape.json",
                "policies/../../x.json",
                "policies/a/b.json",
                "policies/.hidden.json",
                "cors/x\n.json",
                "profile.yaml")) {
            Path out = dir.resolve("out-" + Math.abs(path.hashCode()));
            ExportTargetException e = assertThrows(
                    ExportTargetException.class,
                    () -> new ProfileWriter().write(export(Map.of(path, JSON.createObjectNode())), out, false));
            assertEquals("refusing to write document '" + path + "': not a file name an export writes", e.getMessage());
            assertFalse(Files.exists(out), path);
        }
    }

    @Test
    void write_replace_removesThePreviousExportThroughLinksNeverBeyondThem() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path victim = Files.writeString(elsewhere.resolve("keep.json"), "precious");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("policies"), elsewhere);
        Files.createSymbolicLink(out.resolve("profile.yaml"), victim);
        Files.createDirectories(out.resolve("cors"));
        Files.writeString(out.resolve("cors/stale.json"), "{}");
        Files.writeString(out.resolve("README.md"), "mine");

        List<Path> written = new ProfileWriter()
                .write(
                        export(Map.of(
                                "policies/bucket-media.json",
                                JSON.createObjectNode().put("Version", "1"))),
                        out,
                        true);

        assertEquals(List.of(out.resolve("profile.yaml"), out.resolve("policies/bucket-media.json")), written);
        assertEquals("precious", Files.readString(victim));
        assertEquals(
                List.of("keep.json"),
                Files.list(elsewhere).map(p -> p.getFileName().toString()).toList());
        assertFalse(Files.isSymbolicLink(out.resolve("policies")));
        assertFalse(Files.isSymbolicLink(out.resolve("profile.yaml")));
        assertFalse(Files.exists(out.resolve("cors")));
        assertEquals("mine", Files.readString(out.resolve("README.md")));
        assertTrue(Files.readString(out.resolve("profile.yaml")).contains("apiVersion: \"ossops/v1\""));
        assertEquals("{\n  \"Version\" : \"1\"\n}\n", Files.readString(out.resolve("policies/bucket-media.json")));
    }
}
