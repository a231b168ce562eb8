package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OSS's forced-download rules for its default domains, applied to the emulator's own names. */
class ForcedDownloadTest {
    private static final long NOW = Instant.parse("2030-06-01T00:00:00Z").toEpochMilli();
    /** One second before 2019-09-24 11:00:00 UTC+8, when OSS began forcing images of new buckets to download. */
    private static final long BEFORE_IMAGE_RULE =
            Instant.parse("2019-09-24T02:59:59Z").toEpochMilli();

    @Test
    void applies_webPages_byTypeOrExtension_inEveryBucket() {
        assertTrue(ForcedDownload.applies("text/html", "page", BEFORE_IMAGE_RULE));
        assertTrue(ForcedDownload.applies("Text/HTML; charset=utf-8", "page", NOW));
        assertTrue(ForcedDownload.applies("application/xhtml+xml", "page", NOW));
        for (String key : new String[] {"a.htm", "dir/b.HTML", "c.jsp", "d.plg", "e.htx", "f.stm"}) {
            assertTrue(ForcedDownload.applies("application/octet-stream", key, BEFORE_IMAGE_RULE), key);
        }
        assertTrue(ForcedDownload.applies(null, "index.html", NOW));
    }

    @Test
    void applies_images_onlyInBucketsCreatedAfterTheRule() {
        for (String type : new String[] {
            "image/jpeg",
            "image/gif",
            "image/tiff",
            "image/png",
            "image/webp",
            "image/svg+xml",
            "image/bmp",
            "image/x-ms-bmp",
            "image/x-cmu-raster",
            "image/exr",
            "image/x-icon",
            "image/heic"
        }) {
            assertTrue(ForcedDownload.applies(type, "picture", NOW), type);
            assertFalse(ForcedDownload.applies(type, "picture", BEFORE_IMAGE_RULE), type);
        }
    }

    @Test
    void applies_otherContent_isServedAsStored() {
        for (String type : new String[] {
            "text/plain", "application/json", "application/pdf", "video/mp4", "image/avif", "text/htmlx"
        }) {
            assertFalse(ForcedDownload.applies(type, "file.txt", NOW), type);
        }
        assertFalse(ForcedDownload.applies(null, "html", NOW));
        assertFalse(ForcedDownload.applies(null, "dir.html/file", NOW));
        assertFalse(ForcedDownload.applies("text/plain", null, NOW));
    }
}
