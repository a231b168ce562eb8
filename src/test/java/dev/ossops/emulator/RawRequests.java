package dev.ossops.emulator;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.internal.signer.OSSSignerBase;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import com.aliyun.oss.model.GenericRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests the SDK's high-level API refuses to send (bad names, broken signatures, odd headers),
 * signed by the SDK's own V1/V4 signers and sent with {@link HttpClient}.
 */
final class RawRequests {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private RawRequests() {}

    /** A response as received. */
    record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String element(String name) {
            Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL)
                    .matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** A request signed with the root key by the SDK's signer for {@code version}. */
    static Response send(
            EmulatorClients clients,
            SignVersion version,
            String method,
            String bucket,
            String key,
            Map<String, String> params,
            Map<String, String> headers,
            byte[] body) {
        return send(clients, version, clients.keyId(), clients.secret(), method, bucket, key, params, headers, body);
    }

    static Response send(
            EmulatorClients clients,
            SignVersion version,
            String keyId,
            String secret,
            String method,
            String bucket,
            String key,
            Map<String, String> params,
            Map<String, String> headers,
            byte[] body) {
        return send(clients, version, keyId, secret, 0, method, bucket, key, params, headers, body);
    }

    /** As above, with the signer's clock moved by {@code tickOffsetMillis} (V4 sets x-oss-date itself). */
    static Response send(
            EmulatorClients clients,
            SignVersion version,
            String keyId,
            String secret,
            long tickOffsetMillis,
            String method,
            String bucket,
            String key,
            Map<String, String> params,
            Map<String, String> headers,
            byte[] body) {
        RequestMessage message =
                sign(clients, version, keyId, secret, tickOffsetMillis, method, bucket, key, params, headers);
        return sendSigned(clients.endpoint(), method, bucket, key, message.getParameters(), message.getHeaders(), body);
    }

    /** The request as the SDK's signer leaves it: parameters and headers including Authorization. */
    static RequestMessage sign(
            EmulatorClients clients,
            SignVersion version,
            String keyId,
            String secret,
            long tickOffsetMillis,
            String method,
            String bucket,
            String key,
            Map<String, String> params,
            Map<String, String> headers) {
        RequestMessage message = new RequestMessage(new GenericRequest(bucket, key), bucket, key);
        message.setMethod(HttpMethod.valueOf(method));
        message.setEndpoint(clients.endpoint());
        Map<String, String> allHeaders = new LinkedHashMap<>(headers);
        message.setHeaders(allHeaders);
        message.setParameters(new LinkedHashMap<>(params));
        String resourcePath = "/" + (bucket == null ? "" : bucket + "/") + (key == null ? "" : key);
        OSSSignerParams signerParams = new OSSSignerParams(resourcePath, new DefaultCredentials(keyId, secret));
        signerParams.setProduct("oss");
        signerParams.setRegion(clients.region());
        signerParams.setTickOffset(tickOffsetMillis);
        OSSSignerBase.createRequestSigner(version, signerParams).sign(message);
        return message;
    }

    /** Sends exactly these headers and parameters, nothing signed. */
    static Response sendSigned(
            URI endpoint,
            String method,
            String bucket,
            String key,
            Map<String, String> params,
            Map<String, String> headers,
            byte[] body) {
        StringBuilder uri = new StringBuilder(endpoint.toString()).append('/');
        if (bucket != null) {
            uri.append(bucket).append('/');
        }
        if (key != null) {
            uri.append(encode(key).replace("%2F", "/"));
        }
        String separator = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            uri.append(separator).append(encode(p.getKey()));
            if (p.getValue() != null) {
                uri.append('=').append(encode(p.getValue()));
            }
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The request written to the socket as given (any Host, headers in order), read to the end of
     * the answer; for what HTTP clients refuse to send, such as a forged Host.
     */
    static String wire(URI endpoint, String method, String target, Map<String, String> headers) {
        StringBuilder request =
                new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        try (java.net.Socket socket = new java.net.Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
