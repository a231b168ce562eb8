package dev.ossops.emulator.store;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The contents of a blob stored as a directory of segments (a multipart object's parts, in order,
 * named {@link #segmentName}) read as one stream. One segment file is open at a time; skipping
 * moves between segments by their sizes, so a ranged read deep into a large object reads nothing
 * before the range.
 */
final class SegmentedBlob extends InputStream {
    private final List<Path> segments;
    private int next;
    private @Nullable FileChannel current;
    private @Nullable InputStream currentStream;

    private SegmentedBlob(List<Path> segments) {
        this.segments = segments;
    }

    /** Segment {@code index} (from 0) of a blob; the names sort in segment order. */
    static String segmentName(int index) {
        return String.format("%05d", index);
    }

    static SegmentedBlob open(Path dir) throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(segments::add);
        }
        segments.sort(null);
        return new SegmentedBlob(segments);
    }

    /** The segment being read, opening the next one when the current one is used up; null at the end. */
    private @Nullable InputStream current() throws IOException {
        while (current == null || current.position() >= current.size()) {
            closeCurrent();
            if (next >= segments.size()) {
                return null;
            }
            current = FileChannel.open(segments.get(next++), StandardOpenOption.READ);
            currentStream = Channels.newInputStream(current);
        }
        return currentStream;
    }

    @Override
    public int read() throws IOException {
        InputStream in = current();
        return in == null ? -1 : in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        InputStream in = current();
        return in == null ? -1 : in.read(buffer, offset, length);
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            // current() opens the channel it returns the stream of; the field is re-read after it.
            FileChannel channel = current() == null ? null : current;
            if (channel == null) {
                break;
            }
            long step = Math.min(n - skipped, channel.size() - channel.position());
            channel.position(channel.position() + step);
            skipped += step;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
        next = segments.size();
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            current.close();
            current = null;
            currentStream = null;
        }
    }
}
