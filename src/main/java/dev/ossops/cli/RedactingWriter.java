package dev.ossops.cli;

import dev.ossops.cloud.credentials.Secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Everything ossops prints on stderr passes here: text is collected up to each line break (or a flush) and written
 * through {@link Secrets#redact}, so messages, warnings and {@code --stacktrace} output (SDK exceptions carry raw
 * error bodies with the service's StringToSign) never show a secret. A line is cut at {@link #MAX_LINE} characters
 * so a stream without line breaks cannot grow the buffer without bound.
 */
final class RedactingWriter extends Writer {
    static final int MAX_LINE = 64 * 1024;

    private final Writer target;
    private final StringBuilder line = new StringBuilder();

    RedactingWriter(Writer target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** A print stream (for {@link System#setErr}) whose UTF-8 output goes through a redacting writer over {@code target}. */
    static PrintStream printStream(Writer target) {
        RedactingWriter writer = new RedactingWriter(target);
        return new PrintStream(new Utf8Lines(writer), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            line.append(c);
            if (c == '\n' || line.length() >= MAX_LINE) {
                emit();
            }
        }
    }

    /** Writes what is buffered, redacted, even without a line break: progress lines end in {@code \r} and a flush. */
    @Override
    public synchronized void flush() throws IOException {
        emit();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        target.close();
    }

    private void emit() throws IOException {
        if (!line.isEmpty()) {
            target.write(Secrets.redact(line.toString()));
            line.setLength(0);
        }
    }

    /** Bytes to characters for {@link #printStream}: lines are decoded as UTF-8 whole (one over the cap may split a character). */
    private static final class Utf8Lines extends OutputStream {
        private final Writer writer;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        Utf8Lines(Writer writer) {
            this.writer = writer;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            pending.write(b);
            if (b == '\n' || pending.size() >= MAX_LINE) {
                drain();
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            drain();
            writer.flush();
        }

        private void drain() throws IOException {
            writer.write(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
        }
    }
}
