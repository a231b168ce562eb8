package dev.ossops.apply.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.ossops.common.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes an {@link Export}: {@code profile.yaml} and its documents under {@code lifecycle/}, {@code cors/}, {@code policies/}.
 * <p>
 * The directory must be empty or absent, so an export never mixes with other files; with {@code replace} a previous
 * export there is removed first (profile.yaml and those three folders, links deleted as links), so nothing stale
 * remains. Every document path is one of those folders and a file name of letters, digits, {@code .}, {@code _} and
 * {@code -}; files are written through a temporary file and a rename, which replaces a link instead of following it.
 */
public final class ProfileWriter {
    public static final String PROFILE_FILE = "profile.yaml";
    /** What an export writes into its directory, and what {@code replace} removes. */
    public static final List<String> WRITTEN = List.of(PROFILE_FILE, "cors", "lifecycle", "policies");

    private static final Pattern DOCUMENT =
            Pattern.compile("(cors|lifecycle|policies)/[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Refuses a directory that exists and holds anything, unless {@code replace}; run before reading live state. */
    public void checkTarget(Path dir, boolean replace) {
        if (replace || !Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new ExportTargetException(dir + " is not a directory");
        }
        List<String> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new ExportTargetException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        if (!entries.isEmpty()) {
            throw new ExportTargetException(
                    dir + " is not empty (" + String.join(", ", entries.subList(0, Math.min(3, entries.size())))
                            + (entries.size() > 3 ? ", ..." : "")
                            + "); pass --force to replace a previous export there "
                            + "(profile.yaml, cors/, lifecycle/ and policies/ are deleted first), or choose an empty directory");
        }
    }

    /** Writes the files and returns their paths, profile first. */
    public List<Path> write(Export export, Path dir, boolean replace) throws IOException {
        checkTarget(dir, replace);
        for (String path : export.documents().keySet()) {
            if (!DOCUMENT.matcher(path).matches()) {
                throw new ExportTargetException(
                        "refusing to write document '" + path + "': not a file name an export writes");
            }
        }
        Files.createDirectories(dir);
        if (replace) {
            for (String entry : WRITTEN) {
                deleteTree(dir.resolve(entry));
            }
        }
        List<Path> written = new ArrayList<>();
        Path profile = dir.resolve(PROFILE_FILE);
        writeFile(
                profile,
                "# Written by ossops export from live state; `ossops plan -p " + PROFILE_FILE
                        + "` shows no changes against the same account.\n" + yaml.writeValueAsString(export.profile()));
        written.add(profile);
        for (Map.Entry<String, JsonNode> doc : export.documents().entrySet()) {
            Path file = dir.resolve(doc.getKey());
            // dir.resolve(name) always has dir, at least, as its parent.
            folder(Objects.requireNonNull(file.getParent()));
            writeFile(file, json.writeValueAsString(doc.getValue()) + "\n");
            written.add(file);
        }
        return written;
    }

    /** A folder of the export: created when missing, refused when something else (a link, a file) has its name. */
    private static void folder(Path folder) throws IOException {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new ExportTargetException(
                    folder + " exists and is not a directory (a link is not followed): remove it");
        }
        Files.createDirectory(folder);
    }

    private static void writeFile(Path file, String text) throws IOException {
        AtomicFiles.replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes {@code root} and what is under it; a link is deleted itself, never the files it points at. */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
