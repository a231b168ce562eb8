package dev.ossops.emulator.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** What a route answers: status, headers and a body that is written (streamed) only when sent. */
public final class Reply {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final long length;
    private final Supplier<InputStream> body;

    private Reply(int status, long length, Supplier<InputStream> body) {
        this.status = status;
        this.length = length;
        this.body = body;
    }

    public static Reply empty(int status) {
        return new Reply(status, 0, null);
    }

    public static Reply xml(int status, String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new Reply(status, bytes.length, () -> new ByteArrayInputStream(bytes))
                .header("Content-Type", "application/xml");
    }

    public static Reply bytes(int status, String contentType, byte[] bytes) {
        return new Reply(status, bytes.length, () -> new ByteArrayInputStream(bytes)).header("Content-Type", contentType);
    }

    /** A body of known length opened lazily and copied in 64 KiB steps. */
    public static Reply stream(int status, long length, Supplier<InputStream> body) {
        return new Reply(status, length, body);
    }

    public Reply header(String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public long length() {
        return length;
    }

    public boolean hasBody() {
        return body != null && length > 0;
    }

    void writeBody(OutputStream out) throws IOException {
        try (InputStream in = body.get()) {
            byte[] buffer = new byte[64 * 1024];
            long remaining = length;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new IOException("content ended " + remaining + " bytes early");
                }
                out.write(buffer, 0, n);
                remaining -= n;
            }
        }
    }
}
