package dev.ossops.emulator.rpc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds RPC requests signed the way the SDK signs them, for handler-level tests. */
public final class SignedRequests {
    private final String accessKeyId;
    private final String secret;

    public SignedRequests(String accessKeyId, String secret) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    /** A GET with every parameter in the query, signed at {@code at} with a fresh nonce. */
    public RpcRequest get(Map<String, String> parameters, Instant at) {
        return get(parameters, at, UUID.randomUUID().toString());
    }

    public RpcRequest get(Map<String, String> parameters, Instant at, String nonce) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Format", "JSON");
        all.put("AccessKeyId", accessKeyId);
        all.put("SignatureMethod", "HMAC-SHA1");
        all.put("SignatureVersion", "1.0");
        all.put("SignatureNonce", nonce);
        all.put("Timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
        all.putAll(parameters);
        all.put("Signature", RpcSignature.sign(RpcSignature.stringToSign("GET", all), secret));
        return new RpcRequest("GET", all, Map.of(), Map.of("Host", "127.0.0.1"));
    }

    /** A POST with the API parameters as a form body, as the SDK sends RAM calls. */
    public RpcRequest postForm(Map<String, String> common, Map<String, String> form, Instant at) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("Format", "JSON");
        query.put("AccessKeyId", accessKeyId);
        query.put("SignatureMethod", "HMAC-SHA1");
        query.put("SignatureVersion", "1.0");
        query.put("SignatureNonce", UUID.randomUUID().toString());
        query.put("Timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
        query.putAll(common);
        Map<String, String> signed = new LinkedHashMap<>(query);
        signed.putAll(form);
        query.put("Signature", RpcSignature.sign(RpcSignature.stringToSign("POST", signed), secret));
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(RpcSignature.percentEncode(k))
                .append('=')
                .append(RpcSignature.percentEncode(v)));
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((k, v) -> rawQuery.append(rawQuery.length() == 0 ? "" : "&")
                .append(RpcSignature.percentEncode(k))
                .append('=')
                .append(RpcSignature.percentEncode(v)));
        return RpcRequest.fromHttp(
                "POST",
                rawQuery.toString(),
                Map.of("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String text(RpcResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
