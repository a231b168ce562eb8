package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyLayoutTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.089Z"), ZoneOffset.UTC);
    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    private static final Supplier<UUID> UUIDS = () -> ID;

    private static KeyLayout layout(String template, KeyLayout.FilenameMode mode) {
        return KeyLayout.of(template, mode, CLOCK, UUIDS);
    }

    private static KeyLayout dify(String dirMode, String filenameMode) {
        return KeyLayout.of(KeyLayout.DirMode.of(dirMode), KeyLayout.FilenameMode.of(filenameMode), CLOCK, UUIDS);
    }

    @Test
    void render_defaultTemplate() {
        assertEquals(
                "qwencloud-uploads/2026-03-04/123e4567-e89b-12d3-a456-426614174000_cat.png",
                layout(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME)
                        .render(KeyLayout.DEFAULT_PREFIX, "cat.png"));
    }

    @Test
    void render_keepsPlusSpacesAndUnicodeAsIs() {
        KeyLayout l = layout(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME);
        assertEquals("p/2026-03-04/123e4567-e89b-12d3-a456-426614174000_a+b c.jpg", l.render("p", "a+b c.jpg"));
        assertEquals("p/2026-03-04/123e4567-e89b-12d3-a456-426614174000_照片 (1).png", l.render("p", "照片 (1).png"));
        assertEquals("p/2026-03-04/123e4567-e89b-12d3-a456-426614174000_😀.gif", l.render("p", "😀.gif"));
    }

    @Test
    void render_noSubdirectory() {
        assertEquals("uploads/report.pdf", dify("no_subdirectory", "filename").render("uploads", "report.pdf"));
    }

    @Test
    void render_hierarchy() {
        assertEquals(
                "uploads/2026/03/04/report.pdf",
                dify("yyyy_mm_dd_hierarchy", "filename").render("uploads/", "report.pdf"));
    }

    @Test
    void render_combined() {
        assertEquals(
                "uploads/20260304/report.pdf",
                dify("yyyy_mm_dd_combined", "filename").render("/uploads", "report.pdf"));
    }

    @Test
    void render_filenameTimestampInsertsBeforeLastExtension() {
        KeyLayout l = dify("no_subdirectory", "filename_timestamp");
        assertEquals("u/report_20260304050607089.pdf", l.render("u", "report.pdf"));
        assertEquals("u/backup.tar_20260304050607089.gz", l.render("u", "backup.tar.gz"));
        assertEquals("u/Makefile_20260304050607089", l.render("u", "Makefile"));
        assertEquals("u/.env_20260304050607089", l.render("u", ".env"));
        assertEquals("u/docs/a b+c_20260304050607089.TXT", l.render("u", "docs/a b+c.TXT"));
    }

    @Test
    void render_relativeDirectoriesGoBeforeTheLayoutsLastSegment() {
        KeyLayout uuid = layout(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME);
        assertEquals("p/2026-03-04/sub/123e4567-e89b-12d3-a456-426614174000_b.png", uuid.render("p", "sub/b.png"));
        assertEquals("p/2026-03-04/a/b/123e4567-e89b-12d3-a456-426614174000_c.png", uuid.render("p", "a/b/c.png"));
        assertEquals(
                "sub/123e4567-e89b-12d3-a456-426614174000_b.png",
                layout("{uuid}_{filename}", KeyLayout.FilenameMode.FILENAME).render("p", "sub/b.png"));
        assertEquals(
                "u/2026/03/04/sub/b_20260304050607089.png",
                dify("yyyy_mm_dd_hierarchy", "filename_timestamp").render("u", "sub/b.png"));
    }

    @Test
    void render_keyWithDotSegmentOrBackslash_isRefused() {
        KeyLayout l = dify("no_subdirectory", "filename");
        assertEquals(
                "object key '../etc/passwd' would contain a '..' segment",
                assertThrows(UploadException.class, () -> l.render("..", "etc/passwd"))
                        .getMessage());
        assertEquals(
                "object key 'a/./b.png' would contain a '.' segment",
                assertThrows(UploadException.class, () -> l.render("a/.", "b.png"))
                        .getMessage());
        assertEquals(
                "object key 'u/..\\x.png' would contain a backslash; rename the file or prefix",
                assertThrows(UploadException.class, () -> l.render("u", "..\\x.png"))
                        .getMessage());
    }

    @Test
    void nonDeterministicPart_namesWhatMakesANewKeyEveryRun() {
        assertEquals(
                Optional.of("{uuid}"),
                layout(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME)
                        .nonDeterministicPart());
        assertEquals(
                Optional.of("{timestamp}"),
                layout("{prefix}/{timestamp}-{filename}", KeyLayout.FilenameMode.FILENAME)
                        .nonDeterministicPart());
        assertEquals(
                Optional.of("filename mode filename_timestamp"),
                dify("no_subdirectory", "filename_timestamp").nonDeterministicPart());
        assertEquals(Optional.empty(), dify("yyyy_mm_dd_hierarchy", "filename").nonDeterministicPart());
    }

    @Test
    void render_timeIsReadInTheClocksZone() {
        Clock shanghai = Clock.fixed(Instant.parse("2026-03-04T20:00:00Z"), ZoneId.of("Asia/Shanghai"));
        KeyLayout l = KeyLayout.of(
                KeyLayout.DirMode.YYYY_MM_DD_HIERARCHY, KeyLayout.FilenameMode.FILENAME_TIMESTAMP, shanghai, UUIDS);
        assertEquals("x/2026/03/05/a_20260305040000000.png", l.render("x", "a.png"));
    }

    @Test
    void render_allPlaceholders() {
        KeyLayout l = layout(
                "{prefix}/{year}-{month}-{day}/{date}/{timestamp}/{uuid}/{filename}", KeyLayout.FilenameMode.FILENAME);
        assertEquals(
                "p/2026-03-04/2026-03-04/20260304050607089/123e4567-e89b-12d3-a456-426614174000/f", l.render("p", "f"));
    }

    @Test
    void render_emptyPrefixLeavesNoEmptySegment() {
        assertEquals(
                "2026-03-04/123e4567-e89b-12d3-a456-426614174000_a.png",
                layout(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME)
                        .render("", "a.png"));
        assertEquals("a.png", dify("no_subdirectory", "filename").render("//", "a.png"));
    }

    @Test
    void render_collapsesDoubleSlashes() {
        assertEquals(
                "a/b/c.png",
                layout("{prefix}//b///{filename}", KeyLayout.FilenameMode.FILENAME)
                        .render("a", "c.png"));
    }

    @Test
    void render_drawsOneUuidPerKey() {
        int[] calls = {0};
        KeyLayout l = KeyLayout.of(
                KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME, CLOCK, () -> new UUID(0, ++calls[0]));
        assertEquals("p/2026-03-04/00000000-0000-0000-0000-000000000001_a", l.render("p", "a"));
        assertEquals("p/2026-03-04/00000000-0000-0000-0000-000000000002_a", l.render("p", "a"));
        assertEquals(2, calls[0]);
    }

    @Test
    void render_tooLongKeyRejected() {
        String name = "é".repeat(512) + ".png";
        UploadException e = assertThrows(
                UploadException.class, () -> dify("no_subdirectory", "filename").render("p", name));
        assertEquals("object key is 1030 bytes of UTF-8; OSS allows at most 1023", e.getMessage());
    }

    @Test
    void render_keyOfExactly1023BytesAccepted() {
        String name = "a".repeat(1021);
        assertEquals("p/" + name, dify("no_subdirectory", "filename").render("p", name));
    }

    @Test
    void render_emptyFilenameRejected() {
        UploadException e = assertThrows(
                UploadException.class, () -> dify("no_subdirectory", "filename").render("p", ""));
        assertEquals("file name is empty", e.getMessage());
    }

    @Test
    void render_backslashAtStartRejected() {
        UploadException e = assertThrows(
                UploadException.class, () -> dify("no_subdirectory", "filename").render("", "\\x.png"));
        assertEquals("object key must not start with '/' or '\\': \\x.png", e.getMessage());
    }

    @Test
    void of_unknownPlaceholderRejected() {
        UploadException e = assertThrows(
                UploadException.class, () -> layout("{prefix}/{hash}/{filename}", KeyLayout.FilenameMode.FILENAME));
        assertEquals(
                "unknown placeholder {hash} in key layout '{prefix}/{hash}/{filename}'; known: "
                        + "{prefix} {date} {year} {month} {day} {timestamp} {uuid} {filename}",
                e.getMessage());
    }

    @Test
    void of_unbalancedBraceRejected() {
        UploadException e = assertThrows(
                UploadException.class, () -> layout("{prefix}/{filename", KeyLayout.FilenameMode.FILENAME));
        assertEquals("unbalanced brace in key layout '{prefix}/{filename'", e.getMessage());
    }

    @Test
    void of_templateWithoutFilenameOrUuidRejected() {
        UploadException e =
                assertThrows(UploadException.class, () -> layout("{prefix}/{date}", KeyLayout.FilenameMode.FILENAME));
        assertEquals("key layout '{prefix}/{date}' must contain {filename} or {uuid}", e.getMessage());
    }

    @Test
    void of_uuidOnlyTemplateAccepted() {
        assertEquals(
                "p/123e4567-e89b-12d3-a456-426614174000",
                layout("{prefix}/{uuid}", KeyLayout.FilenameMode.FILENAME).render("p", "ignored.png"));
    }

    @Test
    void dirModeOf_unknownRejected() {
        UploadException e = assertThrows(UploadException.class, () -> KeyLayout.DirMode.of("yyyy_mm"));
        assertEquals(
                "unknown directory mode 'yyyy_mm'; expected one of no_subdirectory, yyyy_mm_dd_hierarchy, yyyy_mm_dd_combined",
                e.getMessage());
    }

    @Test
    void filenameModeOf_unknownRejected() {
        UploadException e = assertThrows(UploadException.class, () -> KeyLayout.FilenameMode.of("timestamp"));
        assertEquals("unknown filename mode 'timestamp'; expected one of filename, filename_timestamp", e.getMessage());
    }

    @Test
    void validate_rules() {
        assertEquals("a", ObjectKeys.validate("a"));
        assertEquals(
                "object key is empty",
                assertThrows(UploadException.class, () -> ObjectKeys.validate(""))
                        .getMessage());
        assertEquals(
                "object key must not start with '/' or '\\': /a",
                assertThrows(UploadException.class, () -> ObjectKeys.validate("/a"))
                        .getMessage());
        assertEquals(
                "object key is not valid UTF-8 (unpaired surrogate at index 1)",
                assertThrows(UploadException.class, () -> ObjectKeys.validate("a\uD83D"))
                        .getMessage());
    }
}
