package dev.ossops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One JSON line per request: time, remote address, method, path, status, principal, bytes sent and milliseconds.
 * Built from an allow-list, so headers (Authorization), query strings (which could carry a signature) and bodies
 * (which carry credentials) never reach it; the path is cut to {@link #MAX_PATH} characters.
 */
final class AccessLog implements RequestLog {
    static final int MAX_PATH = 256;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> out;
    private final Clock clock;

    AccessLog(Consumer<String> out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void log(Request request, Response response) {
        ObjectNode line = JSON.createObjectNode();
        Instant now = clock.instant();
        line.put("time", now.toString());
        line.put("remote", Request.getRemoteAddr(request));
        line.put("method", cut(request.getMethod(), 16));
        line.put("path", cut(request.getHttpURI().getPath(), MAX_PATH));
        line.put("status", response.getStatus());
        Object principal = request.getAttribute(ServeHandler.PRINCIPAL);
        if (principal != null) {
            line.put("principal", principal.toString());
        } else {
            line.putNull("principal");
        }
        line.put("bytes", Response.getContentBytesWritten(response));
        line.put("ms", Math.max(0, now.toEpochMilli() - Request.getTimeStamp(request)));
        out.accept(line.toString());
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
