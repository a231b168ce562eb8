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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A proxy on 127.0.0.1 in front of the emulator that meddles as a middlebox or a hostile endpoint would: it rewrites
 * each request's query and each response body. {@link #addingAParameter} adds one query parameter: RPC signatures
 * cover every parameter, so the emulator answers SignatureDoesNotMatch with its string to sign, and because that
 * string differs from the client's the SDK keeps it in the error message (it only replaces the message when the two
 * are equal, i.e. when the secret is wrong). {@link #replacingInAnswers} makes the emulator's answers name things
 * the real service never would.
 */
final class TamperingProxy implements AutoCloseable {
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final UnaryOperator<String> query;
    private final UnaryOperator<String> answer;

    private TamperingProxy(URI target, UnaryOperator<String> query, UnaryOperator<String> answer) throws IOException {
        this.target = target;
        this.query = query;
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    static TamperingProxy addingAParameter(URI target) throws IOException {
        return new TamperingProxy(target, q -> (q.isEmpty() ? "" : q + "&") + "Tampered=yes", UnaryOperator.identity());
    }

    /** Every answer's body with each key of {@code replacements} replaced by its value. */
    static TamperingProxy replacingInAnswers(URI target, Map<String, String> replacements) throws IOException {
        return new TamperingProxy(target, UnaryOperator.identity(), body -> {
            String out = body;
            for (Map.Entry<String, String> r : replacements.entrySet()) {
                out = out.replace(r.getKey(), r.getValue());
            }
            return out;
        });
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] sent;
            try (InputStream in = exchange.getRequestBody()) {
                sent = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            String rewritten = query.apply(uri.getRawQuery() == null ? "" : uri.getRawQuery());
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            target.resolve(uri.getRawPath() + (rewritten.isEmpty() ? "" : "?" + rewritten)))
                    .method(
                            exchange.getRequestMethod(),
                            sent.length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(sent));
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
            byte[] body = answer.apply(new String(response.body(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
