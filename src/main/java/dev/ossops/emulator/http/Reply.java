package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

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
    private final boolean reset;

    /** The body of a reply without one; its length is 0, so it is never read. */
    private static final Supplier<InputStream> NO_BODY = InputStream::nullInputStream;

    private Reply(int status, long length, Supplier<InputStream> body) {
        this(status, length, body, false);
    }

    private Reply(int status, long length, Supplier<InputStream> body, boolean reset) {
        this.status = status;
        this.length = length;
        this.body = body;
        this.reset = reset;
    }

    /** No answer at all: the server resets the connection (fault injection). */
    static Reply connectionReset() {
        return new Reply(0, 0, NO_BODY, true);
    }

    boolean resetsConnection() {
        return reset;
    }

    /**
     * This reply with its body cut after {@code bytes} bytes and the connection then reset, as a
     * network failure part-way through a download looks to the client (fault injection).
     */
    Reply resetAfter(long bytes) {
        Reply cut = new Reply(
                status, length, () -> new CutBody(body == null ? InputStream.nullInputStream() : body.get(), bytes));
        cut.headers.putAll(headers);
        return cut;
    }

    public static Reply empty(int status) {
        return new Reply(status, 0, NO_BODY);
    }

    public static Reply xml(int status, String xml) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        return new Reply(status, bytes.length, () -> new ByteArrayInputStream(bytes))
                .header("Content-Type", "application/xml");
    }

    public static Reply bytes(int status, String contentType, byte[] bytes) {
        return new Reply(status, bytes.length, () -> new ByteArrayInputStream(bytes))
                .header("Content-Type", contentType);
    }

    /** A body of known length opened lazily and copied in 64 KiB steps. */
    public static Reply stream(int status, long length, Supplier<InputStream> body) {
        return new Reply(status, length, body);
    }

    public Reply header(String name, @Nullable String value) {
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

    /** A body that fails with {@link ConnectionReset} once {@code limit} bytes were read. */
    private static final class CutBody extends java.io.FilterInputStream {
        private long remaining;

        CutBody(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                throw new ConnectionReset();
            }
            remaining--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                throw new ConnectionReset();
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
