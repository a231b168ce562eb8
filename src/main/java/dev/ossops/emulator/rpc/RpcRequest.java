package dev.ossops.emulator.rpc;

import org.jspecify.annotations.Nullable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One RPC call as received, independent of the HTTP server: method, decoded query and form
 * parameters and headers (names lower-cased).
 */
public record RpcRequest(
        String method, Map<String, String> query, Map<String, String> form, Map<String, String> headers) {

    public RpcRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Collections.unmodifiableMap(lower);
    }

    /**
     * Builds a request from raw HTTP parts; the body is read as form parameters only when the
     * content type is {@code application/x-www-form-urlencoded}, as the SDK sends POST calls.
     */
    public static RpcRequest fromHttp(
            String method, @Nullable String rawQuery, Map<String, String> headers, byte[] body) {
        RpcRequest bare = new RpcRequest(method, decodeForm(rawQuery), Map.of(), headers);
        String contentType = bare.header("content-type").orElse("");
        Map<String, String> form = contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? decodeForm(new String(body, StandardCharsets.UTF_8))
                : Map.of();
        return new RpcRequest(method, bare.query(), form, bare.headers());
    }

    /** True when the query or form names an RPC action: how the shared server routes to this front. */
    public static boolean isRpc(Map<String, String> queryOrForm) {
        return queryOrForm.containsKey("Action") && queryOrForm.containsKey("Version");
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Query and form parameters together; the SDK signs both as one set. */
    public Map<String, String> parameters() {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(form);
        return all;
    }

    /** Decodes {@code a=1&b=2} (plus as space, percent escapes as UTF-8); a later duplicate wins. */
    public static Map<String, String> decodeForm(@Nullable String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}
