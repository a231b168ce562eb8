package dev.ossops.upload;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSelectionTest {
    @TempDir
    Path tmp;

    Path media;

    @BeforeEach
    void tree() throws IOException {
        media = tmp.resolve("media");
        for (String f : List.of(
                "b.png", "a.jpg", "z/c.JPG", "z/deep/d.jpg", "z/deep/e.txt", "thumbs/t.jpg", "a b+c.png", "照片.png")) {
            Path p = media.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        Files.writeString(tmp.resolve("single.pdf"), "pdf");
    }

    private static List<String> names(List<FileSelection.Selected> selected) {
        return selected.stream().map(FileSelection.Selected::name).toList();
    }

    @Test
    void expand_recursiveDirectorySortedByRelativePath() {
        List<FileSelection.Selected> s = new FileSelection(true, List.of(), List.of()).expand(List.of(media));
        assertEquals(
                List.of(
                        "a b+c.png",
                        "a.jpg",
                        "b.png",
                        "thumbs/t.jpg",
                        "z/c.JPG",
                        "z/deep/d.jpg",
                        "z/deep/e.txt",
                        "照片.png"),
                names(s));
        assertEquals(media.resolve("z/deep/d.jpg"), s.get(5).file());
    }

    @Test
    void expand_filesAndDirectoriesInArgumentOrder() {
        List<FileSelection.Selected> s = new FileSelection(true, List.of("*.pdf", "b.*"), List.of())
                .expand(List.of(tmp.resolve("single.pdf"), media));
        assertEquals(List.of("single.pdf", "b.png"), names(s));
    }

    @Test
    void expand_includeByNameAtAnyDepthExcludeWins() {
        List<FileSelection.Selected> s =
                new FileSelection(true, List.of("*.{jpg,JPG}"), List.of("thumbs/**")).expand(List.of(media));
        assertEquals(List.of("a.jpg", "z/c.JPG", "z/deep/d.jpg"), names(s));
    }

    @Test
    void expand_pathPatternsAreRelativeToTheDirectory() {
        assertEquals(
                List.of("z/deep/d.jpg", "z/deep/e.txt"),
                names(new FileSelection(true, List.of("z/deep/*"), List.of()).expand(List.of(media))));
        assertEquals(
                List.of("z/c.JPG", "z/deep/d.jpg", "z/deep/e.txt"),
                names(new FileSelection(true, List.of("z/**"), List.of()).expand(List.of(media))));
        assertEquals(
                List.of("a.jpg", "thumbs/t.jpg", "z/deep/d.jpg"),
                names(new FileSelection(true, List.of("**/*.jpg"), List.of()).expand(List.of(media))));
        assertEquals(
                List.of("a b+c.png", "a.jpg"),
                names(new FileSelection(true, List.of("[a-b]?*"), List.of("b*")).expand(List.of(media))));
    }

    @Test
    void expand_sameFileTwiceTakenOnce() {
        List<FileSelection.Selected> s = new FileSelection(true, List.of(), List.of())
                .expand(List.of(media.resolve("a.jpg"), media, media.resolve("../media/a.jpg")));
        assertEquals(8, s.size());
        assertEquals("a.jpg", s.get(0).name());
    }

    @Test
    void expand_directoryWithoutRecursive() {
        UploadException e = assertThrows(
                UploadException.class, () -> new FileSelection(false, List.of(), List.of()).expand(List.of(media)));
        assertEquals(media + " is a directory: add --recursive to upload the files in it", e.getMessage());
    }

    @Test
    void expand_missingPath() {
        Path missing = tmp.resolve("nope.png");
        UploadException e = assertThrows(
                UploadException.class, () -> new FileSelection(false, List.of(), List.of()).expand(List.of(missing)));
        assertEquals("no such file or directory: " + missing, e.getMessage());
    }

    @Test
    void expand_nothingMatches() {
        UploadException e = assertThrows(
                UploadException.class,
                () -> new FileSelection(true, List.of("*.mp4"), List.of()).expand(List.of(media)));
        assertEquals("nothing to upload: no file under " + media + " matches --include/--exclude", e.getMessage());
        assertEquals(
                "no files given",
                assertThrows(
                                UploadException.class,
                                () -> new FileSelection(true, List.of(), List.of()).expand(List.of()))
                        .getMessage());
    }

    @Test
    void expand_symlinkedFileInsideIncludedLinkedDirectoryNotEntered() throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.writeString(links.resolve("real.pdf"), "pdf");
        Files.createDirectories(links.resolve("sub"));
        Files.createSymbolicLink(links.resolve("sub/to-file.pdf"), Path.of("../real.pdf"));
        Files.createSymbolicLink(links.resolve("to-dir"), media);
        assertEquals(
                List.of("real.pdf", "sub/to-file.pdf"),
                names(new FileSelection(true, List.of(), List.of()).expand(List.of(links))));
    }

    @Test
    void expand_symlinkLeadingOutOfTheDirectory_isRefusedUnlessExcluded() throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.writeString(links.resolve("ok.pdf"), "pdf");
        Path link = Files.createSymbolicLink(links.resolve("escape.pdf"), Path.of("../single.pdf"));
        assertEquals(
                link + " is a symbolic link to " + tmp.toRealPath().resolve("single.pdf") + ", outside " + links
                        + "; a directory upload takes only files inside it: --exclude the link or copy the file in",
                assertThrows(
                                UploadException.class,
                                () -> new FileSelection(true, List.of(), List.of()).expand(List.of(links)))
                        .getMessage());
        assertEquals(
                List.of("ok.pdf"),
                names(new FileSelection(true, List.of(), List.of("escape.pdf")).expand(List.of(links))));
    }

    @Test
    void expand_dotDotAndAbsoluteDirectoryArguments_namesAreRelativeToTheDirectory() {
        FileSelection all = new FileSelection(true, List.of("*.jpg", "*.JPG"), List.of());
        List<String> viaDotDot = names(all.expand(List.of(media.resolve("z/../thumbs"))));
        List<String> absolute = names(all.expand(List.of(media.resolve("z").toAbsolutePath())));
        assertEquals(List.of("t.jpg"), viaDotDot);
        assertEquals(List.of("c.JPG", "deep/d.jpg"), absolute);
    }

    @Test
    void glob_invalidPatternsRejected() {
        assertEquals(
                "invalid glob '*.{jpg': unclosed {",
                assertThrows(UploadException.class, () -> Glob.of("*.{jpg")).getMessage());
        assertEquals(
                "invalid glob '[a': unclosed [",
                assertThrows(UploadException.class, () -> Glob.of("[a")).getMessage());
        assertEquals(
                "invalid glob 'a}': } without {",
                assertThrows(UploadException.class, () -> Glob.of("a}")).getMessage());
        assertEquals(
                "empty glob pattern",
                assertThrows(UploadException.class, () -> Glob.of("")).getMessage());
    }

    @Test
    void glob_specialCharactersAreLiteral() {
        assertTrue(Glob.of("a+b (1).png").matches("x/a+b (1).png"));
        assertFalse(Glob.of("a.png").matches("axpng"));
        assertTrue(Glob.of("[!a]*").matches("b"));
        assertFalse(Glob.of("[!a]*").matches("a"));
        assertTrue(Glob.of("[a&&b]").matches("&"));
    }
}
