package dev.ossops.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The one HTTP entry point: parses, authenticates, routes, and renders what the routes return or
 * throw. This is the only place an {@link OssException} is caught; every response carries
 * {@code x-oss-request-id}.
 */
public final class OssHttpHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(OssHttpHandler.class.getName());

    private final Authenticator authenticator;
    private final Router router;
    private final Set<String> virtualHostSuffixes;
    private final RequestIds ids;
    private final Clock clock;

    public OssHttpHandler(Authenticator authenticator, Router router, Set<String> virtualHostSuffixes, Clock clock) {
        this.authenticator = authenticator;
        this.router = router;
        this.virtualHostSuffixes = Set.copyOf(virtualHostSuffixes);
        this.ids = new RequestIds(clock);
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = ids.next();
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            String host = exchange.getRequestHeaders().getFirst("Host");
            String hostId = host == null ? "127.0.0.1" : host.replaceFirst(":\\d+$", "");
            Reply reply;
            try {
                OssRequest request = OssRequest.from(exchange, virtualHostSuffixes);
                Caller caller = authenticator.authenticate(request);
                reply = router.route(request, caller);
            } catch (OssException e) {
                reply = ErrorReplies.render(e, requestId, hostId, head);
            } catch (RuntimeException e) {
                // Messages here are the emulator's own and never carry credentials; the path may be logged.
                LOG.log(System.Logger.Level.ERROR, "request " + requestId + " " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getRawPath() + " failed", e);
                reply = ErrorReplies.render(new OssException(OssError.INTERNAL_ERROR), requestId, hostId, head);
            }
            drain(exchange.getRequestBody());
            send(exchange, reply, requestId, head);
        }
    }

    /** Reads what the route left unread, so the client's upload completes and the connection stays usable. */
    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (body.read(buffer) >= 0) {
            // discarding by design: the reply is already decided
        }
    }

    private void send(HttpExchange exchange, Reply reply, String requestId, boolean head) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Server", "AliyunOSS");
        headers.set("Date", Formats.httpDate(clock.millis()));
        headers.set("x-oss-request-id", requestId);
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            headers.set(h.getKey(), h.getValue());
        }
        if (head) {
            // HEAD: the length of what GET would send, no body (the JDK server wants -1 here).
            headers.set("Content-Length", Long.toString(reply.length()));
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        if (!reply.hasBody() || reply.status() == 304 || reply.status() == 204) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.length());
        try (OutputStream out = exchange.getResponseBody()) {
            reply.writeBody(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
