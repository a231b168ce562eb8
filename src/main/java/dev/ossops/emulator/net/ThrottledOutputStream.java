package dev.ossops.emulator.net;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The sending side of {@link ThrottledInputStream}: each write passes at most {@value
 * ThrottledInputStream#CHUNK} bytes and takes them from the bandwidth before they go out, so a
 * large write leaves at the rate instead of at once.
 */
public final class ThrottledOutputStream extends FilterOutputStream {
    private final Bandwidth bandwidth;

    public ThrottledOutputStream(OutputStream out, Bandwidth bandwidth) {
        super(out);
        this.bandwidth = bandwidth;
    }

    @Override
    public void write(int b) throws IOException {
        bandwidth.take(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (!bandwidth.limited()) {
            out.write(b, off, len);
            return;
        }
        for (int done = 0; done < len; ) {
            int n = Math.min(len - done, ThrottledInputStream.CHUNK);
            bandwidth.take(n);
            out.write(b, off + done, n);
            done += n;
        }
    }
}
