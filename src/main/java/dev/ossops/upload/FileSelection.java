package dev.ossops.upload;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands the {@code FILE|DIR...} arguments of {@code ossops upload}. Files named directly are
 * always taken; directories need {@code --recursive} and contribute their regular files (symbolic
 * links to files included, linked directories not entered), filtered by {@code --include} (any
 * must match, when given) and {@code --exclude} (wins over include), both relative to the
 * directory. Order is stable: arguments in order, each directory's files sorted by relative path.
 * A file reached twice is taken once.
 */
public final class FileSelection {
    private final boolean recursive;
    private final List<Glob> includes;
    private final List<Glob> excludes;

    /**
     * One file to upload.
     *
     * @param file the file
     * @param name its name for the key: the file name, or its {@code /}-separated path relative
     *             to the directory argument it was found under
     */
    public record Selected(Path file, String name) {}

    public FileSelection(boolean recursive, List<String> includes, List<String> excludes) {
        this.recursive = recursive;
        this.includes = includes.stream().map(Glob::of).toList();
        this.excludes = excludes.stream().map(Glob::of).toList();
    }

    /** The files the arguments select; throws when an argument is missing or nothing is selected. */
    public List<Selected> expand(List<Path> arguments) {
        if (arguments.isEmpty()) {
            throw new UploadException("no files given");
        }
        List<Selected> selected = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                if (!recursive) {
                    throw new UploadException(argument + " is a directory: add --recursive to upload the files in it");
                }
                for (Selected s : walk(argument)) {
                    if (seen.add(s.file().toAbsolutePath().normalize())) {
                        selected.add(s);
                    }
                }
            } else if (Files.isRegularFile(argument)) {
                if (seen.add(argument.toAbsolutePath().normalize())) {
                    selected.add(new Selected(argument, argument.getFileName().toString()));
                }
            } else if (Files.exists(argument)) {
                throw new UploadException(argument + " is not a regular file");
            } else {
                throw new UploadException("no such file or directory: " + argument);
            }
        }
        if (selected.isEmpty()) {
            throw new UploadException("nothing to upload: no file under "
                    + arguments.stream()
                            .map(Path::toString)
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("") + " matches --include/--exclude");
        }
        return List.copyOf(selected);
    }

    private List<Selected> walk(Path root) {
        List<Selected> found = new ArrayList<>();
        try {
            Path realRoot = root.toRealPath();
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    // attrs describe a link itself; a link to a regular file is uploaded as that file.
                    if (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file))) {
                        String name = relativeName(root, file);
                        if (selects(name)) {
                            if (attrs.isSymbolicLink()) {
                                refuseEscape(root, realRoot, file);
                            }
                            found.add(new Selected(file, name));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UploadException(
                    "cannot read directory " + root + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Selected::name));
        return found;
    }

    /**
     * A link that leads out of the directory would upload a file the user did not choose (a link planted in a shared
     * tree can point at ~/.ssh): refused, with the whole run, before any byte is sent.
     */
    private static void refuseEscape(Path root, Path realRoot, Path link) throws IOException {
        Path target = link.toRealPath();
        if (!target.startsWith(realRoot)) {
            throw new UploadException(link + " is a symbolic link to " + target + ", outside " + root
                    + "; a directory upload takes only files inside it: --exclude the link or copy the file in");
        }
    }

    private static String relativeName(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path p : root.relativize(file)) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }

    /** Whether a file at {@code relativePath} under a directory argument is selected. */
    boolean selects(String relativePath) {
        if (excludes.stream().anyMatch(g -> g.matches(relativePath))) {
            return false;
        }
        return includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(relativePath));
    }
}
