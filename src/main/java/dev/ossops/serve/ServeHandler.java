package dev.ossops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.common.ErrorCode;
import dev.ossops.upload.TransferException;
import dev.ossops.upload.UploadException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes requests to the endpoints: {@code GET /} and the page's assets, {@code GET /healthz} without a key; every
 * {@code /api/} and {@code /sts/} endpoint only after authentication (401 without a known key) and the caller's rate
 * limit (429 with {@code Retry-After}). Bodies are JSON objects of at most {@link JsonBody#MAX_BYTES}, refused before
 * they are read when {@code Content-Length} says more (413); a refused request's unread body of up to
 * {@link #SWALLOW_BYTES} is drained before the answer, so the answer reaches the client. Errors are
 * {@code {"error": "...", "code": "..."}}: the message and the error's code from docs/errors.md.
 */
final class ServeHandler extends Handler.Abstract {
    /** How long a request body (at most 16 KiB) may take to arrive: about 1.6 KiB/s at the limit. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);
    /** The most of an unread request body read and dropped so that a refusal reaches its client (see refuse). */
    static final long SWALLOW_BYTES = 1024 * 1024;
    /** Request attribute set once reading the body has begun: a refusal after that does not drain it again. */
    private static final String BODY_READ = "dev.ossops.serve.bodyRead";
    /** Request attribute naming the authenticated principal, for the access log. */
    static final String PRINCIPAL = "dev.ossops.serve.principal";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "/api/image/";

    private final ApiKeyGate gate;
    private final DirectUploads direct;
    private final Page page;
    private final Map<String, Endpoint> posts;

    ServeHandler(ApiKeyGate gate, DirectUploads direct, StsUploads sts, Page page) {
        this.gate = gate;
        this.direct = direct;
        this.page = page;
        this.posts = Map.of(
                "/api/upload/presign", direct::presign,
                "/api/upload/policy", direct::postPolicy,
                "/api/upload/sts-token", sts::stsToken,
                "/sts/upload/init", sts::init,
                "/sts/upload/complete", sts::complete);
    }

    @FunctionalInterface
    private interface Endpoint {
        ObjectNode call(String principal, JsonBody body);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            Optional<Page.Asset> asset = page.asset(path);
            if (asset.isPresent()) {
                requireMethod(method, "GET");
                page.write(asset.get(), response, callback);
                return true;
            }
            if (path.equals("/healthz")) {
                requireMethod(method, "GET");
                ObjectNode ok = JSON.createObjectNode().put("status", "ok");
                writeJson(response, callback, 200, ok);
                return true;
            }
            Endpoint endpoint = posts.get(path);
            if (endpoint != null) {
                requireMethod(method, "POST");
                String principal = gate.authenticate(request);
                byte[] raw = readBody(request);
                if (raw.length > 0) {
                    requireJson(request);
                }
                JsonBody body = JsonBody.parse(raw);
                writeJson(response, callback, 200, endpoint.call(principal, body));
                return true;
            }
            if (path.startsWith(IMAGE) && path.length() > IMAGE.length()) {
                requireMethod(method, "GET");
                String principal = gate.authenticate(request);
                writeJson(
                        response,
                        callback,
                        200,
                        direct.imageUrl(principal, path.substring(IMAGE.length()), query(request)));
                return true;
            }
            throw new ServeException(404, "no such endpoint: " + ImageUrls.printable(path));
        } catch (ServeException e) {
            e.retryAfter().ifPresent(d -> response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds(d))));
            if (e.status() == 401) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            }
            refuse(request, response, callback, e.status(), e.errorCode(), String.valueOf(e.getMessage()));
        } catch (UploadException e) {
            refuse(request, response, callback, 400, e.errorCode(), String.valueOf(e.getMessage()));
        } catch (TransferException e) {
            // The message names the call and OSS's code; the cloud layer has already taken signatures and tokens out.
            refuse(
                    request,
                    response,
                    callback,
                    502,
                    e.errorCode(),
                    "OSS refused the service's request: " + String.valueOf(e.getMessage()));
        } catch (CloudException e) {
            refuse(
                    request,
                    response,
                    callback,
                    502,
                    e.errorCode(),
                    "STS refused the service's request: " + Secrets.redact(String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            refuse(request, response, callback, 500, ErrorCode.INTERNAL, "internal error");
        }
        return true;
    }

    /**
     * Answers an error, first reading and dropping an unread body of at most {@link #SWALLOW_BYTES}. A refusal made
     * before the body is read (401, 405, 413, 429) would otherwise close the connection with the body unread, and the
     * client, still sending, could see it closed with no answer: about one refusal in twenty, measured in a loop on
     * this machine (none with the drain). Larger bodies, and bodies whose reading already failed, are not waited for;
     * the connection is closed on them.
     */
    private static void refuse(
            Request request, Response response, Callback callback, int status, ErrorCode code, String message) {
        Runnable answer = () -> writeError(response, callback, status, code, message);
        long declared = request.getLength();
        if (declared <= 0 || declared > SWALLOW_BYTES || request.getAttribute(BODY_READ) != null) {
            answer.run();
            return;
        }
        drain(request, System.nanoTime() + BODY_DEADLINE.toNanos(), answer);
    }

    /**
     * Drops the body's chunks as they arrive, without holding a thread, then runs {@code then}: at its end, on a
     * failure (the idle timeout ends a silent client), or at the first chunk after {@code deadlineNanos}, so a client
     * trickling its body holds the connection no longer than a body being read would.
     */
    private static void drain(Request request, long deadlineNanos, Runnable then) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> drain(request, deadlineNanos, then));
                return;
            }
            chunk.release();
            if (chunk.isLast() || Content.Chunk.isFailure(chunk) || System.nanoTime() - deadlineNanos > 0) {
                then.run();
                return;
            }
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new ServeException(
                    405, method.length() > 16 ? "method not allowed" : method + " is not allowed here; use " + allowed);
        }
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** A body must say it is JSON; an empty one may say nothing. */
    private static void requireJson(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
            throw new ServeException(415, "request body must be sent as Content-Type: application/json");
        }
    }

    /**
     * Up to {@code max} bytes, read within {@code deadline} of the first read: a body trickled in just inside every
     * idle timeout would otherwise hold a request thread for as long as its sender liked. (Jetty's request data
     * rate setting is deprecated for removal, and its replacement handler holds the rate from the request's start
     * with no grace, which reset well-behaved clients before their answer was read.)
     */
    static byte[] readWithin(InputStream in, int max, Duration deadline) throws IOException {
        byte[] buffer = new byte[max];
        long started = System.nanoTime();
        int n = 0;
        while (n < max) {
            int read = in.read(buffer, n, max - n);
            if (read < 0) {
                break;
            }
            n += read;
            if (n < max && System.nanoTime() - started > deadline.toNanos()) {
                throw new IOException("request body not complete " + deadline.toSeconds() + " s after it began");
            }
        }
        return Arrays.copyOf(buffer, n);
    }

    private static byte[] readBody(Request request) {
        long declared = request.getLength();
        if (declared > JsonBody.MAX_BYTES) {
            throw new ServeException(
                    413, "request body is " + declared + " bytes; at most " + JsonBody.MAX_BYTES + " are accepted");
        }
        request.setAttribute(BODY_READ, true);
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = readWithin(in, JsonBody.MAX_BYTES + 1, BODY_DEADLINE);
            if (body.length > JsonBody.MAX_BYTES) {
                throw new ServeException(413, "request body is larger than " + JsonBody.MAX_BYTES + " bytes");
            }
            if (declared >= 0 && body.length < declared) {
                throw ServeException.badRequest(
                        "request body ended after " + body.length + " of " + declared + " bytes");
            }
            return body;
        } catch (IOException e) {
            // A body cut short, stalled past the idle timeout, or slower than the deadline ends here.
            throw ServeException.badRequest("request body could not be read: it was cut short or arrived too slowly");
        }
    }

    private static Map<String, List<String>> query(Request request) {
        Fields fields = Request.extractQueryParameters(request);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : fields.getNames()) {
            out.put(name, fields.getValues(name));
        }
        return out;
    }

    static void writeJson(Response response, Callback callback, int status, ObjectNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        // Answers carry presigned URLs and temporary credentials: no cache may keep them.
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        Content.Sink.write(response, true, body.toString() + "\n", callback);
    }

    /** {@code code} is the error's stable id from docs/errors.md, for clients that must not match message text. */
    static void writeError(Response response, Callback callback, int status, ErrorCode code, String message) {
        writeJson(
                response,
                callback,
                status,
                JSON.createObjectNode().put("error", message).put("code", code.id()));
    }
}
