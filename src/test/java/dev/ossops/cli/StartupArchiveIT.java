package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AppCDS archive as users make it: the README's lines for the bare jar, and {@code ./ossops}, which
 * records the archive on its first run. Both must map picocli's classes (compiled for Java 5, which Java
 * 17 keeps out of a dynamic archive) and leave stdout to ossops alone.
 */
class StartupArchiveIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path JAR = REPO.resolve("target/ossops.jar");

    @TempDir
    Path dir;

    @Test
    void readmeLines_writeAnArchiveThatMapsPicocli() throws Exception {
        Files.copy(JAR, dir.resolve("ossops.jar"));
        List<String> lines = readmeArchiveLines();
        assertEquals(3, lines.size(), lines.toString());
        for (String line : lines.subList(0, 2)) {
            assertEquals(0, run(List.of("bash", "-c", line), dir).exitCode, line);
        }
        Result version = run(List.of("bash", "-c", lines.get(2)), dir);
        assertEquals(0, version.exitCode);
        assertTrue(version.stdout.matches("ossops \\S+ \\(commit \\S+\\)\n"), version.stdout);

        Result loaded = run(
                List.of(
                        "java",
                        "-Xshare:on",
                        "-XX:SharedArchiveFile=ossops.jsa",
                        "-Xlog:cds=off",
                        "-Xlog:class+load=info",
                        "-jar",
                        "ossops.jar",
                        "--version"),
                dir);
        assertEquals(0, loaded.exitCode, loaded.stderr);
        assertTrue(
                loaded.stdout.contains("picocli.CommandLine source: shared objects file"),
                "picocli is parsed from the jar, not mapped");
    }

    @Test
    void launcher_recordsTheArchiveOnceAndPrintsOnlyTheVersion() throws Exception {
        Path root = launcherClone(Instant.now());

        Result first = run(List.of("bash", root.resolve("ossops").toString(), "--version"), dir);
        assertEquals(0, first.exitCode, first.stderr);
        assertTrue(first.stderr.contains("ossops: recording start-up classes in "), first.stderr);
        assertTrue(first.stdout.matches("ossops \\S+ \\(commit \\S+\\)\n"), first.stdout);
        assertTrue(Files.isRegularFile(root.resolve("target/ossops.jsa")), "no archive");
        try (var left = Files.list(root.resolve("target"))) {
            assertEquals(
                    List.of("ossops.jar", "ossops.jsa"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "temporary files left behind");
        }

        Result second = run(List.of("bash", root.resolve("ossops").toString(), "--version"), dir);
        assertEquals(0, second.exitCode, second.stderr);
        assertEquals("", second.stderr);
        assertEquals(first.stdout, second.stdout);
    }

    @Test
    void launcher_withAnArchiveItCannotUse_runsWithoutIt() throws Exception {
        Path root = launcherClone(Instant.now().minusSeconds(1800));
        // Newer than the jar, so not re-recorded, but not an archive at all.
        Files.writeString(root.resolve("target/ossops.jsa"), "not an archive");

        Result run = run(List.of("bash", root.resolve("ossops").toString(), "--version"), dir);
        assertEquals(0, run.exitCode, run.stderr);
        assertTrue(run.stdout.matches("ossops \\S+ \\(commit \\S+\\)\n"), run.stdout);
        assertFalse(run.stderr.contains("recording"), run.stderr);
    }

    /**
     * A clone as the launcher sees it: the script, a pom and sources an hour old (so it does not rebuild) and
     * the jar, last modified at {@code jarTime} (later than the sources: an older jar would be rebuilt).
     */
    private Path launcherClone(Instant jarTime) throws IOException {
        Path root = dir.resolve("clone");
        Files.createDirectories(root.resolve("target"));
        Files.createDirectories(root.resolve("src/main"));
        Files.copy(REPO.resolve("ossops"), root.resolve("ossops"));
        Files.copy(REPO.resolve("pom.xml"), root.resolve("pom.xml"));
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(root.resolve("pom.xml"), old);
        Files.setLastModifiedTime(root.resolve("src/main"), old);
        Files.copy(JAR, root.resolve("target/ossops.jar"));
        Files.setLastModifiedTime(root.resolve("target/ossops.jar"), FileTime.from(jarTime));
        return root;
    }

    /** The command lines of the README's fenced block that writes and uses {@code ossops.jsa}. */
    private static List<String> readmeArchiveLines() throws IOException {
        List<String> found = new ArrayList<>();
        boolean inBlock = false;
        List<String> block = new ArrayList<>();
        for (String line : Files.readAllLines(REPO.resolve("README.md"))) {
            if (line.startsWith("```")) {
                if (inBlock && block.stream().anyMatch(l -> l.contains("ossops.jsa"))) {
                    found.addAll(block);
                }
                inBlock = !inBlock;
                block.clear();
            } else if (inBlock && line.startsWith("java ")) {
                block.add(line);
            }
        }
        return found;
    }

    private record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(List<String> command, Path workDir) throws Exception {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
        Result result = new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
