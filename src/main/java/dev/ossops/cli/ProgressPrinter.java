package dev.ossops.cli;

import dev.ossops.upload.ByteSize;
import dev.ossops.upload.TransferProgress;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Human progress on stderr: a bar redrawn in place on a terminal (overall bytes, rate, ETA, and
 * the file last moving), plain lines at an interval otherwise (logs, CI). Only file names appear,
 * never URLs. Called from transfer threads.
 */
final class ProgressPrinter implements TransferProgress {
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private final Duration interval;
    private final Instant start;
    private final Map<String, long[]> files = new HashMap<>();
    private long total;
    private long done;
    private Instant lastPrint;

    ProgressPrinter(PrintWriter err, boolean terminal, Clock clock, Duration interval) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.interval = interval;
        this.start = clock.instant();
        this.lastPrint = start;
    }

    /** Bars on a terminal every 200 ms, lines elsewhere every 5 s. */
    static ProgressPrinter forStream(PrintWriter err, boolean terminal) {
        return new ProgressPrinter(
                err, terminal, Clock.systemUTC(), terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5));
    }

    @Override
    public synchronized void started(String name, long size) {
        files.put(name, new long[] {size, 0});
        total += size;
    }

    @Override
    public synchronized void transferred(String name, long bytes) {
        long[] file = files.get(name);
        if (file != null) {
            file[1] += bytes;
        }
        done += bytes;
        Instant now = clock.instant();
        if (Duration.between(lastPrint, now).compareTo(interval) >= 0) {
            lastPrint = now;
            print(name, now);
        }
    }

    @Override
    public synchronized void finished(String name, boolean ok) {
        long[] file = files.remove(name);
        if (terminal) {
            err.print("\r\u001b[2K");
        }
        if (file != null && ok) {
            err.println((terminal ? "" : "progress: ") + "done " + name + " (" + ByteSize.format(file[0]) + ")");
        }
        err.flush();
    }

    private void print(String name, Instant now) {
        double seconds = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
        long rate = (long) (done / seconds);
        String eta = rate > 0 ? formatSeconds((total - done) / rate) : "?";
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        String overall = ByteSize.format(done) + " / " + ByteSize.format(total) + " (" + percent + "%), "
                + ByteSize.format(rate) + "/s, ETA " + eta;
        long[] file = files.get(name);
        String current = file == null || file[0] == 0 ? name : name + " " + (int) (file[1] * 100 / file[0]) + "%";
        if (terminal) {
            int filled = total == 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
            err.print("\r\u001b[2K[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + overall + "  "
                    + current);
        } else {
            err.println("progress: " + overall + "; " + current);
        }
        err.flush();
    }

    static String formatSeconds(long s) {
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
