package dev.ossops.cloud.upload;

import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.upload.Downloader;
import dev.ossops.upload.Masking;
import dev.ossops.upload.TransferException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object behind an http(s) URL that needs no credentials of ours: a presigned URL (the
 * signature is in the query) or a public one. The size comes from a one-byte ranged GET (a
 * presigned GET URL is not valid for HEAD under signature V1); chunks are ranged GETs. Messages
 * show the URL without its query.
 */
public final class HttpObjectSource implements Downloader.Source {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes \\d+-\\d+/(\\d+)");
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI url;
    private final String shown;

    public HttpObjectSource(HttpClient http, URI url) {
        this.http = http;
        this.url = url;
        this.shown = Masking.displayUrl(url.toString());
    }

    @Override
    public Info info() {
        HttpResponse<InputStream> response = send(0, 1);
        try (InputStream body = response.body()) {
            long size;
            if (response.statusCode() == 206) {
                Matcher m = CONTENT_RANGE.matcher(
                        response.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches()) {
                    throw new TransferException(shown + ": 206 without a usable Content-Range", null, false, null);
                }
                size = Long.parseLong(m.group(1));
            } else if (response.statusCode() == 200) {
                // The range was ignored (an empty object, or a server without ranges): the length is the whole object.
                size = response.headers()
                        .firstValueAsLong("Content-Length")
                        .orElseThrow(() -> new TransferException(shown + ": no Content-Length", null, false, null));
            } else {
                throw failure(
                        response.statusCode(),
                        new String(body.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8));
            }
            OptionalLong crc = response.headers()
                    .firstValue("x-oss-hash-crc64ecma")
                    .map(v -> OptionalLong.of(Long.parseUnsignedLong(v)))
                    .orElse(OptionalLong.empty());
            String etag = response.headers().firstValue("ETag").orElse("");
            return new Info(size, crc, etag);
        } catch (IOException e) {
            throw new TransferException(shown + ": " + e.getMessage(), null, true, e);
        }
    }

    @Override
    public InputStream open(long offset, long length) {
        HttpResponse<InputStream> response = send(offset, length);
        if (response.statusCode() == 206 || (response.statusCode() == 200 && offset == 0)) {
            return response.body();
        }
        try (InputStream body = response.body()) {
            throw failure(
                    response.statusCode(), new String(body.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransferException(shown + ": HTTP " + response.statusCode(), null, true, e);
        }
    }

    private HttpResponse<InputStream> send(long offset, long length) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Range", "bytes=" + offset + "-" + (offset + length - 1))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TransferException(
                    shown + ": " + e.getClass().getSimpleName() + " " + Secrets.redact(e.getMessage()), null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferException(shown + ": interrupted", null, true, e);
        }
    }

    private TransferException failure(int status, String body) {
        Matcher m = CODE.matcher(body);
        String code = m.find() ? m.group(1) : null;
        boolean resumable = status == 429 || status >= 500;
        return new TransferException(
                shown + ": HTTP " + status + (code == null ? "" : " " + code), code, resumable, null);
    }
}
