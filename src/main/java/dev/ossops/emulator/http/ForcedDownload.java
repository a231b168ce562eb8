package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OSS's forced download on its default domain names, followed for the emulator's own host names:
 * a web page or image fetched through the default domain is answered with
 * {@code Content-Disposition: attachment} and {@code x-oss-force-download: true}, so the browser
 * saves it instead of running or showing it with the domain's authority. A custom domain is
 * exempt on OSS; here that is a name allowed with {@code --allow-host}. The rules, checked against
 * OSS's documentation:
 * <ul>
 *   <li>web pages, every bucket: content type {@code text/html}, or a key ending in .htm, .html, .jsp,
 *       .plg, .htx or .stm (OSS's notice of the change on 13 August 2018 names that type and these
 *       extensions; both readings are applied);</li>
 *   <li>images, buckets created after 2019-09-24 11:00:00 UTC+8: the content types of OSS's
 *       troubleshooting page for x-oss-ec 0048-00000101.</li>
 * </ul>
 * {@code application/xhtml+xml} is added to the web pages: it is the same active content as HTML.
 * The served content type counts, so a {@code response-content-type} override cannot turn a forced
 * download back into a page.
 */
final class ForcedDownload {
    static final Set<String> WEB_PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");
    static final Set<String> WEB_PAGE_EXTENSIONS = Set.of("htm", "html", "jsp", "plg", "htx", "stm");
    static final Set<String> IMAGE_TYPES = Set.of(
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
            "image/heic");
    /** 2019-09-24 11:00:00 in UTC+8: buckets created later have their images forced to download. */
    static final Instant IMAGES_SINCE = Instant.parse("2019-09-24T03:00:00Z");

    private ForcedDownload() {}

    /** Adds the forced-download headers to an object read when the rules call for them. */
    static void apply(Reply reply, OssRequest request, long bucketCreatedMillis) {
        if (viaDefaultDomain(request.host())
                && applies(header(reply.headers(), "Content-Type"), request.requireKey(), bucketCreatedMillis)) {
            reply.header("Content-Disposition", "attachment").header("x-oss-force-download", "true");
        }
    }

    /** Whether OSS's rules force {@code key}, served as {@code contentType} (null: none), from a bucket created then. */
    static boolean applies(@Nullable String contentType, String key, long bucketCreatedMillis) {
        String type =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (WEB_PAGE_TYPES.contains(type) || WEB_PAGE_EXTENSIONS.contains(extension(key))) {
            return true;
        }
        return IMAGE_TYPES.contains(type) && bucketCreatedMillis > IMAGES_SINCE.toEpochMilli();
    }

    /** The emulator's default domain: its loopback names, or no Host at all (nothing else can answer then). */
    private static boolean viaDefaultDomain(String host) {
        return host == null
                || host.isEmpty()
                || HostNames.nameOf(host).filter(HostNames::isLoopback).isPresent();
    }

    private static String extension(String key) {
        if (key == null) {
            return "";
        }
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static @Nullable String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
