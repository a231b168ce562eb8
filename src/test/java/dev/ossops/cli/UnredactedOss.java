package dev.ossops.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server on 127.0.0.1 that answers every request as OSS answers a V4 request it cannot verify: 403
 * SignatureDoesNotMatch with the StringToSign, its bytes in hex and the CanonicalRequest, built from the request
 * itself, STS token included. The emulator masks the token in these fields; the real service does not, and this is
 * what reaches ossops's stderr when an SDK exception is printed.
 */
final class UnredactedOss implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    UnredactedOss() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String token = header(exchange, "x-oss-security-token");
            String date = header(exchange, "x-oss-date");
            String authorization = header(exchange, "Authorization");
            String keyId = authorization.replaceFirst("^.*Credential=([^/]*)/.*$", "$1");
            String canonical = exchange.getRequestMethod() + "\n"
                    + exchange.getRequestURI().getRawPath() + "\n"
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : exchange.getRequestURI().getRawQuery()) + "\n"
                    + "x-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:" + date + "\nx-oss-security-token:" + token
                    + "\n\n\nUNSIGNED-PAYLOAD";
            String stringToSign = "OSS4-HMAC-SHA256\n" + date + "\n" + date.substring(0, 8)
                    + "/cn-hangzhou/oss/aliyun_v4_request\n" + "x-oss-security-token:" + token;
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n"
                    + "  <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>\n"
                    + "  <RequestId>6763A5E0B1C2D3E4F5A6B7C8</RequestId>\n  <HostId>127.0.0.1</HostId>\n"
                    + "  <OSSAccessKeyId>" + keyId + "</OSSAccessKeyId>\n"
                    + "  <SignatureProvided>" + authorization.replaceFirst("^.*Signature=", "")
                    + "</SignatureProvided>\n"
                    + "  <StringToSign>" + stringToSign + "</StringToSign>\n"
                    + "  <StringToSignBytes>" + spacedHex(stringToSign) + "</StringToSignBytes>\n"
                    + "  <CanonicalRequest>" + canonical + "</CanonicalRequest>\n  <EC>0002-00000040</EC>\n</Error>\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.getResponseHeaders().add("x-oss-request-id", "6763A5E0B1C2D3E4F5A6B7C8");
            exchange.sendResponseHeaders(403, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String spacedHex(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(out.isEmpty() ? "" : " ")
                    .append(HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
