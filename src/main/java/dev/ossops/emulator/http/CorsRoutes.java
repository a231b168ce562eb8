package dev.ossops.emulator.http;

import dev.ossops.emulator.service.CorsService;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The OPTIONS preflight and the CORS headers of actual cross-origin requests. */
public final class CorsRoutes {
    private final CorsService cors;

    public CorsRoutes(CorsService cors) {
        this.cors = cors;
    }

    Reply preflight(OssRequest r) {
        String requested = r.headerOrNull("access-control-request-headers");
        List<String> headers = requested == null
                ? List.of()
                : Arrays.stream(requested.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
        Map<String, String> allowed = cors.preflight(
                r.requireBucket(), r.headerOrNull("origin"), r.headerOrNull("access-control-request-method"), headers);
        Reply reply = Reply.empty(200);
        allowed.forEach(reply::header);
        return reply;
    }

    /** Headers to add to the response (or error) of an actual request; empty unless a rule matches. */
    Map<String, String> actual(OssRequest r) {
        return cors.actual(r.bucket(), r.headerOrNull("origin"), r.method());
    }
}
