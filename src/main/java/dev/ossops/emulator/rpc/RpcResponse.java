package dev.ossops.emulator.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the HTTP layer writes back: status, content type, body and extra headers. */
public record RpcResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public RpcResponse {
        body = body.clone();
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
