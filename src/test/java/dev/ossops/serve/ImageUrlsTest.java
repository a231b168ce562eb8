package dev.ossops.serve;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageUrlsTest {
    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            q.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return q;
    }

    private static String refused(String... pairs) {
        return assertThrows(ServeException.class, () -> ImageUrls.process(query(pairs)))
                .getMessage();
    }

    @Test
    void process_seedsExample_imagePrefixOnceThenResizeFormatQuality() {
        assertEquals(
                Optional.of("image/resize,w_400/format,webp/quality,q_80"),
                ImageUrls.process(query("q", "80", "format", "webp", "w", "400")));
    }

    @Test
    void process_widthAndHeight_fillsExactly() {
        assertEquals(Optional.of("image/resize,m_fill,w_300,h_200"), ImageUrls.process(query("w", "300", "h", "200")));
        assertEquals(Optional.of("image/resize,h_16384"), ImageUrls.process(query("h", "16384")));
        assertEquals(Optional.of("image/format,png"), ImageUrls.process(query("format", "png")));
    }

    @Test
    void process_nothingAsked_isEmpty() {
        assertEquals(Optional.empty(), ImageUrls.process(query()));
    }

    @Test
    void process_outOfRangeOrInjected_refused() {
        assertEquals("w must be a whole number from 1 to 16384, got '16385'", refused("w", "16385"));
        assertEquals("h must be a whole number from 1 to 16384, got '-1'", refused("h", "-1"));
        assertEquals("w must be a whole number from 1 to 16384, got '1,rotate_90'", refused("w", "1,rotate_90"));
        assertEquals(
                "format 'webp/watermark,text_eA' is not one of avif, bmp, gif, heif, jpg, png, tiff, webp",
                refused("format", "webp/watermark,text_eA"));
        assertEquals(
                "q needs format=jpg or format=webp: OSS applies quality to those only",
                refused("q", "80", "format", "png"));
        assertEquals("q must be a whole number from 1 to 100, got '0'", refused("q", "0", "format", "jpg"));
        assertEquals(
                "unknown parameter 'x-oss-process'; accepted: w, h, format, q", refused("x-oss-process", "image/info"));
        assertEquals("parameter 'w' is given 2 times", refused("w", "1", "w", "2"));
        assertEquals(
                "format 'p?g' is not one of avif, bmp, gif, heif, jpg, png, tiff, webp", refused("format", "p\ng"));
    }
}
