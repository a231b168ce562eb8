package dev.ossops.emulator.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream whose bytes are paced by a {@link Bandwidth}: each read moves at most {@value #CHUNK}
 * bytes and takes them from the bandwidth after reading, so a large read is spread over time
 * instead of passing at once and then stalling.
 */
public final class ThrottledInputStream extends FilterInputStream {
    /** Small enough for smooth pacing at OSS's lowest limit (100 KB/s), large enough to keep reads cheap. */
    static final int CHUNK = 16 * 1024;

    private final Bandwidth bandwidth;

    public ThrottledInputStream(InputStream in, Bandwidth bandwidth) {
        super(in);
        this.bandwidth = bandwidth;
    }

    /** {@code in} itself when {@code bandwidth} is unlimited. */
    public static InputStream of(InputStream in, Bandwidth bandwidth) {
        return bandwidth == Bandwidth.UNLIMITED ? in : new ThrottledInputStream(in, bandwidth);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bandwidth.take(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, bandwidth.limited() ? Math.min(len, CHUNK) : len);
        if (n > 0) {
            bandwidth.take(n);
        }
        return n;
    }
}
