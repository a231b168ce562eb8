package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadRulesTest {
    /** The profile design's uploader section. */
    private static final UploadRules PROFILE = new UploadRules(
            List.of("image/jpeg", "image/png", "image/webp", "image/gif", "application/pdf", "video/mp4"),
            OptionalLong.of(104_857_600));

    @Test
    void of_commonExtensions() {
        assertEquals("image/jpeg", ContentTypes.of("a.JPG"));
        assertEquals("image/jpeg", ContentTypes.of("dir/b.jpeg"));
        assertEquals("image/png", ContentTypes.of("照片 1.png"));
        assertEquals("video/mp4", ContentTypes.of("clip.mp4"));
        assertEquals("application/pdf", ContentTypes.of("r.pdf"));
        assertEquals("application/gzip", ContentTypes.of("backup.tar.gz"));
        assertEquals("image/webp", ContentTypes.of("x.webp"));
    }

    @Test
    void of_unknownOrMissingExtensionIsOctetStream() {
        assertEquals("application/octet-stream", ContentTypes.of("Makefile"));
        assertEquals("application/octet-stream", ContentTypes.of(".png"));
        assertEquals("application/octet-stream", ContentTypes.of("file."));
        assertEquals("application/octet-stream", ContentTypes.of("data.xyz123"));
        assertEquals("application/octet-stream", ContentTypes.of("dir.png/file"));
    }

    @Test
    void check_allowedFileWithinLimitPasses() {
        PROFILE.check("cat.png", "image/png", 104_857_600);
    }

    @Test
    void check_disallowedTypeRejected() {
        UploadException e =
                assertThrows(UploadException.class, () -> PROFILE.check("setup.exe", "application/x-msdownload", 10));
        assertEquals(
                "setup.exe: content type application/x-msdownload is not allowed (allowedContentTypes: image/jpeg,"
                        + " image/png, image/webp, image/gif, application/pdf, video/mp4)",
                e.getMessage());
    }

    @Test
    void check_tooLargeRejected() {
        UploadException e =
                assertThrows(UploadException.class, () -> PROFILE.check("big.mp4", "video/mp4", 104_857_601));
        assertEquals("big.mp4: 104857601 bytes exceeds maxSizeBytes 104857600 bytes (100 MiB)", e.getMessage());
        e = assertThrows(UploadException.class, () -> PROFILE.check("big.mp4", "video/mp4", 150 * ByteSize.MIB));
        assertEquals(
                "big.mp4: 157286400 bytes (150 MiB) exceeds maxSizeBytes 104857600 bytes (100 MiB)", e.getMessage());
    }

    @Test
    void allows_wildcardsCaseAndParameters() {
        UploadRules rules = new UploadRules(List.of("image/*", "Text/Plain"), OptionalLong.empty());
        assertTrue(rules.allows("image/svg+xml"));
        assertTrue(rules.allows("IMAGE/PNG"));
        assertTrue(rules.allows("text/plain; charset=utf-8"));
        assertFalse(rules.allows("imagex/png"));
        assertFalse(rules.allows("text/html"));
        assertFalse(rules.allows("image"));
    }

    @Test
    void allows_emptyListAllowsAllAndNoLimit() {
        UploadRules rules = new UploadRules(List.of(), OptionalLong.empty());
        rules.check("a.bin", "application/octet-stream", Long.MAX_VALUE);
        assertTrue(rules.allows("anything/at-all"));
    }

    @Test
    void new_invalidEntryRejected() {
        UploadException e = assertThrows(
                UploadException.class, () -> new UploadRules(List.of("image/png", "*/*png"), OptionalLong.empty()));
        assertEquals(
                "allowedContentTypes[1]: '*/*png' is not a media type such as image/png or image/*", e.getMessage());
        assertEquals(
                "maxSizeBytes must be positive, got -1",
                assertThrows(UploadException.class, () -> new UploadRules(List.of(), OptionalLong.of(-1)))
                        .getMessage());
    }
}
