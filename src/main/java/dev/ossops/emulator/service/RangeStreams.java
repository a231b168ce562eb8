package dev.ossops.emulator.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Views of a stream restricted to a byte range, read lazily. */
public final class RangeStreams {
    private RangeStreams() {}

    public static InputStream slice(InputStream in, ByteRange range) {
        try {
            in.skipNBytes(range.first());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seek in object", e);
        }
        return limit(in, range.length());
    }

    /** At most {@code limit} bytes of {@code in}, then end of stream. */
    public static InputStream limit(InputStream in, long limit) {
        return new Limited(in, limit);
    }

    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
