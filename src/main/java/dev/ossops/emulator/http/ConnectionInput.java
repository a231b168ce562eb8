package dev.ossops.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of one connection for one exchange: first those that arrived with the request head
 * but after it, then the socket's, buffered; what is left unread when the exchange ends (a
 * pipelined next request) goes back with the connection.
 */
final class ConnectionInput extends InputStream {
    private static final int BUFFER = 16 * 1024;

    private final InputStream socket;
    private final byte[] buffer;
    private int position;
    private int limit;

    ConnectionInput(byte[] pending, InputStream socket) {
        this.socket = socket;
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
                return socket.read(b, off, len);
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
        int n = socket.read(buffer, 0, buffer.length);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
