package dev.ossops.serve;

import dev.ossops.common.ErrorCode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The HTTP server of {@code ossops serve} on Jetty, with the limits a service facing browsers needs: request headers of
 * at most {@link #MAX_HEADER_BYTES} (431), connections idle for {@link #IDLE_TIMEOUT} closed (a slow client holds a
 * connection no longer), request bodies that take longer than {@link ServeHandler#BODY_DEADLINE} refused, at most
 * {@link #MAX_CONNECTIONS} connections and {@link #MAX_THREADS} threads; CORS answers for the configured origins only;
 * one access log line per request; errors Jetty itself raises (431, 400 for a malformed request) as JSON too.
 */
public final class ServeServer implements AutoCloseable {
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_CONNECTIONS = 512;
    static final int MAX_THREADS = 64;

    private final Server server;
    private final ServerConnector connector;

    private ServeServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts serving on {@code bind} (port 0 picks a free one).
     *
     * @param storageOrigins where the page's uploads and images go, for its Content-Security-Policy
     * @param accessLog      receives one JSON line per request
     */
    public static ServeServer start(
            InetSocketAddress bind,
            ServeSettings settings,
            ApiKeys keys,
            DirectUploads direct,
            StsUploads sts,
            List<String> storageOrigins,
            Consumer<String> accessLog,
            Clock clock) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("ossops-serve");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bind.getHostString());
        connector.setPort(bind.getPort());
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));

        ServeHandler handler = new ServeHandler(
                new ApiKeyGate(
                        keys,
                        new RateLimiter(settings.requestsPerMinute(), System::nanoTime),
                        new RateLimiter(settings.requestsPerMinute(), System::nanoTime)),
                direct,
                sts,
                new Page(storageOrigins));
        Handler routes = settings.allowedOrigins().isEmpty() ? handler : cors(settings.allowedOrigins(), handler);
        server.setHandler(routes);
        server.setErrorHandler(new JsonErrors());
        server.setRequestLog(new AccessLog(accessLog, clock));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException(
                    "cannot serve on " + bind.getHostString() + ":" + bind.getPort() + ": " + e.getMessage(), e);
        }
        return new ServeServer(server, connector);
    }

    /**
     * Preflights and responses for the configured origins get CORS headers (Authorization and Content-Type may be sent,
     * GET and POST used; no cookies, so no credentials mode); any other origin gets none and its browser refuses to read
     * the answer. Same-origin requests (the page at /) need none.
     */
    private static Handler cors(List<String> origins, Handler next) {
        CrossOriginHandler cors = new CrossOriginHandler();
        Set<String> patterns = new LinkedHashSet<>();
        origins.forEach(o -> patterns.add(Pattern.quote(o)));
        cors.setAllowedOriginPatterns(patterns);
        cors.setAllowedMethods(Set.of("GET", "POST"));
        cors.setAllowedHeaders(Set.of("Authorization", "Content-Type"));
        cors.setAllowCredentials(false);
        cors.setPreflightMaxAge(Duration.ofMinutes(10));
        cors.setHandler(next);
        return cors;
    }

    /** Jetty's own refusals (bad request line, headers too large) in the same JSON shape as the endpoints'. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object status = request.getAttribute(ErrorHandler.ERROR_STATUS);
            Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            int code = status instanceof Integer i ? i : response.getStatus();
            response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
            // A 500 here is a failure outside the endpoints' own handling, i.e. a bug; the rest are refusals.
            ServeHandler.writeError(
                    response,
                    callback,
                    code,
                    code == 500 ? ErrorCode.INTERNAL : ErrorCode.SERVE_REFUSED,
                    message == null ? "request refused" : message.toString());
            return true;
        }
    }

    /** http://host:port of the running server. */
    public URI uri() {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server: " + e.getMessage(), e);
        }
    }
}
