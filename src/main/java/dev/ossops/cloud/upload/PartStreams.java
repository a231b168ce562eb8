package dev.ossops.cloud.upload;

import dev.ossops.checksum.Crc64;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * A window of a file as a stream that computes the CRC-64 of what it delivers and reports bytes
 * read, so a part is streamed from disk (never buffered whole) and checked against what OSS
 * computed. The file is read {@value #CHUNK} bytes at a time: the SDK asks for 2 KiB per read, and
 * a system call and a CRC update per 2 KiB were a large share of an upload's CPU time.
 * <p>It can be reset to its start ({@link #markSupported}): the SDK wraps a stream that cannot in a
 * 512 KiB {@code BufferedInputStream} per request, which for 16 KiB files was 80% of the bytes an
 * upload allocated. The SDK's own retries are off, so nothing resets it today; a reset still leaves
 * the CRC and the progress count as they were at the start.
 */
final class PartStreams extends InputStream {
    static final int CHUNK = 256 * 1024;

    private final FileChannel channel;
    private final Crc64 crc = new Crc64();
    private final LongConsumer progress;
    private final ByteBuffer chunk;
    private final long windowStart;
    private final long windowLength;
    private long position;
    private long remaining;
    /** Bytes handed out since the start: what a reset takes back from the progress count. */
    private long delivered;
    /** Whether {@link #mark} was called at the start, the one place a reset can return to. */
    private boolean markedAtStart;

    private PartStreams(FileChannel channel, long offset, long length, LongConsumer progress) {
        this.channel = channel;
        this.windowStart = offset;
        this.windowLength = length;
        this.position = offset;
        this.remaining = length;
        this.progress = progress;
        this.chunk = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, length)));
        this.chunk.limit(0);
    }

    /** {@code length} bytes of {@code file} from {@code offset}. */
    static PartStreams open(Path file, long offset, long length, LongConsumer progress) throws IOException {
        return new PartStreams(FileChannel.open(file, StandardOpenOption.READ), offset, length, progress);
    }

    /**
     * The CRC-64 of the bytes read from the file so far: whole chunks, hashed as they are read (the
     * four-stream CRC needs large buffers), so it covers what was sent once the part was read to the end.
     */
    long crc64() {
        return crc.getValue();
    }

    @Override
    public int read() throws IOException {
        if (!chunk.hasRemaining() && !refill()) {
            return -1;
        }
        delivered++;
        progress.accept(1);
        return chunk.get() & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chunk.hasRemaining() && !refill()) {
            return -1;
        }
        int n = Math.min(length, chunk.remaining());
        chunk.get(buffer, offset, n);
        delivered += n;
        progress.accept(n);
        return n;
    }

    /** Reads the next chunk of the window; false at its end. A file that got shorter is an error, not a short part. */
    private boolean refill() throws IOException {
        if (remaining <= 0) {
            return false;
        }
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), remaining));
        while (chunk.hasRemaining()) {
            int n = channel.read(chunk, position);
            if (n < 0) {
                throw new EOFException("the file ended " + remaining
                        + " bytes before the part did: was it changed during the upload?");
            }
            position += n;
            remaining -= n;
        }
        chunk.flip();
        crc.update(chunk.array(), 0, chunk.limit());
        return true;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    /** Marks the start; a mark anywhere else makes {@link #reset} fail (the SDK marks before it reads). */
    @Override
    public void mark(int readLimit) {
        markedAtStart = delivered == 0;
    }

    /** Back to the start of the window: the CRC starts over and the bytes already reported are taken back. */
    @Override
    public void reset() throws IOException {
        if (!markedAtStart) {
            throw new IOException("a part stream can only be reset to its start");
        }
        position = windowStart;
        remaining = windowLength;
        chunk.limit(0);
        crc.reset();
        progress.accept(-delivered);
        delivered = 0;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("a part stream is read in order");
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, chunk.remaining() + remaining);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
