package dev.ossops.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pass-through HTTP proxy in front of the emulator on 127.0.0.1 that answers one request shape with OSS's 403
 * AccessDenied: GetBucketPolicy of one bucket. The emulator's own fault injection applies to every request, and audit
 * must show that one unreadable configuration leaves every other bucket audited. Signatures still verify: the path
 * and the signed headers pass unchanged (the SDK does not sign Host).
 */
final class AuditFailingProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final String deniedBucket;

    AuditFailingProxy(URI target, String deniedBucket) throws IOException {
        this.target = target;
        this.deniedBucket = deniedBucket;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            if ("GET".equals(exchange.getRequestMethod())
                    && uri.getRawPath().equals("/" + deniedBucket + "/")
                    && List.of(query.split("&")).contains("policy")) {
                reply(exchange, 403, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Error><Code>AccessDenied</Code><Message>You have no right to access this object because of bucket acl.</Message><RequestId>5C3D9175B6FC201293AD1B2F</RequestId><HostId>%s.127.0.0.1</HostId></Error>
                        """.formatted(deniedBucket).getBytes(StandardCharsets.UTF_8));
                return;
            }
            forward(exchange, uri);
        }
    }

    private void forward(HttpExchange exchange, URI uri) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding " + uri, e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        reply(exchange, response.statusCode(), response.body());
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().putIfAbsent("Content-Type", List.of("application/xml"));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
