package dev.ossops.emulator;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.internal.signer.OSSSignerBase;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import com.aliyun.oss.model.GenericRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Requests to the emulator's control endpoint ({@code /-/ossops/faults}, {@code /-/ossops/stats}),
 * signed like an OSS request to bucket {@code -} by the OSS SDK's own V1 or V4 signer, as the
 * endpoint requires of every caller. Also used by the benchmarks.
 */
public final class ControlEndpoint {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");

    private final URI endpoint;
    private final String keyId;
    private final String secret;
    private final String region;

    public ControlEndpoint(URI endpoint, String keyId, String secret, String region) {
        this.endpoint = endpoint;
        this.keyId = keyId;
        this.secret = secret;
        this.region = region;
    }

    /** The control endpoint of an emulator of this JVM, signed with its root key. */
    public static ControlEndpoint of(Emulator emulator) {
        return new ControlEndpoint(
                emulator.endpoint(),
                emulator.rootKey().id(),
                emulator.rootKey().secret(),
                emulator.config().region());
    }

    /** {@code method /-/ossops/<resource>} signed with V4, with an optional JSON body. */
    public HttpResponse<String> send(String method, String resource, String jsonBody) {
        return send(SignVersion.V4, method, resource, jsonBody);
    }

    public HttpResponse<String> send(SignVersion version, String method, String resource, String jsonBody) {
        return send(version, method, resource, jsonBody, Map.of());
    }

    /** With headers a browser would add ({@code Origin}, ...), sent unsigned beside the signed ones. */
    public HttpResponse<String> send(
            SignVersion version, String method, String resource, String jsonBody, Map<String, String> extra) {
        RequestMessage message =
                new RequestMessage(new GenericRequest("-", "ossops/" + resource), "-", "ossops/" + resource);
        message.setMethod(HttpMethod.valueOf(method));
        message.setEndpoint(endpoint);
        Map<String, String> headers = new LinkedHashMap<>();
        if (jsonBody != null) {
            headers.put("Content-Type", "application/json");
        }
        message.setHeaders(headers);
        message.setParameters(new LinkedHashMap<>());
        OSSSignerParams params = new OSSSignerParams("/-/ossops/" + resource, new DefaultCredentials(keyId, secret));
        params.setProduct("oss");
        params.setRegion(region);
        OSSSignerBase.createRequestSigner(version, params).sign(message);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/-/ossops/" + resource))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        extra.forEach(request::header);
        message.getHeaders().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                request.header(name, value);
            }
        });
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
