package dev.ossops.cloud.upload;

import dev.ossops.checksum.Crc64;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * A window of a file as a stream that computes the CRC-64 of what it delivers and reports bytes
 * read, so a part is streamed from disk (never buffered whole) and checked against what OSS
 * computed.
 */
final class PartStreams extends FilterInputStream {
    private final Crc64 crc = new Crc64();
    private final LongConsumer progress;
    private long remaining;

    private PartStreams(InputStream in, long length, LongConsumer progress) {
        super(in);
        this.remaining = length;
        this.progress = progress;
    }

    /** {@code length} bytes of {@code file} from {@code offset}. */
    static PartStreams open(Path file, long offset, long length, LongConsumer progress) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new PartStreams(Channels.newInputStream(channel), length, progress);
    }

    /** The CRC-64 of the bytes read so far. */
    long crc64() {
        return crc.getValue();
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            crc.update(b);
            remaining--;
            progress.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            crc.update(buffer, offset, n);
            remaining -= n;
            progress.accept(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a part stream is read in order");
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
