package dev.ossops.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The bytes of one connection for one exchange: first those that arrived with the request head
 * but after it, then the socket's, buffered; what is left unread when the exchange ends (a
 * pipelined next request) goes back with the connection. The socket's bytes must keep an average rate
 * (see {@link HttpLimits#minBodyBytesPerSecond()}) once a grace period from the first read has passed.
 */
final class ConnectionInput extends InputStream {
    private static final int BUFFER = 16 * 1024;

    private final InputStream socket;
    private final long floorBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final byte[] buffer;
    private int position;
    private int limit;
    private long firstReadAt = -1;
    private long received;

    ConnectionInput(byte[] pending, InputStream socket, HttpLimits limits) {
        this(
                pending,
                socket,
                limits.minBodyBytesPerSecond(),
                limits.bodyRateGrace().toNanos(),
                System::nanoTime);
    }

    ConnectionInput(
            byte[] pending, InputStream socket, long floorBytesPerSecond, long graceNanos, LongSupplier nanoTime) {
        this.socket = socket;
        this.floorBytesPerSecond = floorBytesPerSecond;
        this.graceNanos = graceNanos;
        this.nanoTime = nanoTime;
        this.buffer = new byte[Math.max(BUFFER, pending.length)];
        System.arraycopy(pending, 0, buffer, 0, pending.length);
        this.limit = pending.length;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == limit) {
            if (len >= buffer.length) {
                // Large reads (object bodies) go straight to the caller's buffer.
                return fromSocket(b, off, len);
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    /** Bytes read from the socket but not by the exchange. */
    byte[] unread() {
        return Arrays.copyOfRange(buffer, position, limit);
    }

    private boolean fill() throws IOException {
        int n = fromSocket(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** A socket read, held to the rate floor: a body that averages less once the grace has passed ends here. */
    private int fromSocket(byte[] b, int off, int len) throws IOException {
        if (firstReadAt < 0) {
            firstReadAt = nanoTime.getAsLong();
        }
        int n = socket.read(b, off, len);
        if (n > 0) {
            received += n;
        }
        long elapsed = nanoTime.getAsLong() - firstReadAt;
        if (floorBytesPerSecond > 0 && elapsed > graceNanos) {
            long rate = received * TimeUnit.SECONDS.toNanos(1) / elapsed;
            if (rate < floorBytesPerSecond && n >= 0) {
                throw new SocketTimeoutException("request body arrived at " + rate + " bytes/s, below the floor of "
                        + floorBytesPerSecond + " bytes/s");
            }
        }
        return n;
    }
}
