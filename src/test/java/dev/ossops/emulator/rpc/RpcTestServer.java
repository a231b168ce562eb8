package dev.ossops.emulator.rpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test-only HTTP wrapper around {@link RpcHandler} on 127.0.0.1 and a random port. */
public final class RpcTestServer implements AutoCloseable {
    private final HttpServer server;

    public RpcTestServer(RpcHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(handler, exchange));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    private static void serve(RpcHandler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            RpcResponse response = handler.handle(RpcRequest.fromHttp(
                    exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(), headers, body));
            exchange.getResponseHeaders().put("Content-Type", List.of(response.contentType()));
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
            byte[] bytes = response.body();
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
