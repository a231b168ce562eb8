package dev.ossops.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * The upload page at {@code /}: plain HTML, CSS and JavaScript from the jar, no build step. Its Content-Security-Policy
 * lets scripts come from this service only and lets the page talk to this service and to the OSS endpoint the upload
 * URLs point at, nothing else.
 */
final class Page {
    record Asset(String contentType, byte[] body) {}

    private final Map<String, Asset> assets;
    private final String contentSecurityPolicy;

    /** @param storageOrigins scheme://host[:port] of the URLs uploads are sent to and images come from */
    Page(java.util.List<String> storageOrigins) {
        String storageOrigin = String.join(" ", storageOrigins);
        this.assets = Map.of(
                "/", load("index.html", "text/html; charset=utf-8"),
                "/app.js", load("app.js", "text/javascript; charset=utf-8"),
                "/app.css", load("app.css", "text/css; charset=utf-8"));
        this.contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: "
                + storageOrigin + "; connect-src 'self' " + storageOrigin
                + "; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** The origin of a URL: what a CSP source and a CORS Origin compare. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    Optional<Asset> asset(String path) {
        return Optional.ofNullable(assets.get(path));
    }

    void write(Asset asset, Response response, Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.contentType());
        response.getHeaders().put("Content-Security-Policy", contentSecurityPolicy);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, ByteBuffer.wrap(asset.body()), callback);
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = Page.class.getResourceAsStream("page/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks dev/ossops/serve/page/" + name);
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read page/" + name + " from the jar", e);
        }
    }
}
