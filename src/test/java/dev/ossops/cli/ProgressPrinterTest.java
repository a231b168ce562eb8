package dev.ossops.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressPrinterTest {
    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void transferred_notATerminal_printsPlainLinesAtTheInterval() {
        StringWriter err = new StringWriter();
        StepClock clock = new StepClock();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, clock, Duration.ofSeconds(5));
        p.started("a.bin", 1000);
        p.transferred("a.bin", 100);
        assertEquals("", err.toString());

        clock.now = clock.now.plusSeconds(5);
        p.transferred("a.bin", 400);
        p.finished("a.bin", true);

        assertEquals(
                "progress: 500 bytes / 1000 bytes (50%), 100 bytes/s, ETA 5s; a.bin 50%\n"
                        + "progress: done a.bin (1000 bytes)\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void transferred_onATerminal_redrawsOneBarInPlace() {
        StringWriter err = new StringWriter();
        StepClock clock = new StepClock();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true, clock, Duration.ofMillis(200));
        p.started("v.mp4", 4096);
        clock.now = clock.now.plusSeconds(2);
        p.transferred("v.mp4", 1024);

        assertEquals(
                "\r\u001b[2K[######..................] 1 KiB / 4 KiB (25%), 512 bytes/s, ETA 6s  v.mp4 25%",
                err.toString());
    }

    @Test
    void finished_failedFile_printsNoDoneLine() {
        StringWriter err = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, new StepClock(), Duration.ofSeconds(5));
        p.started("x", 1);
        p.finished("x", false);
        assertEquals("", err.toString());
    }

    @Test
    void formatSeconds_largeValues_useMinutesAndHours() {
        assertEquals("59s", ProgressPrinter.formatSeconds(59));
        assertEquals("1m05s", ProgressPrinter.formatSeconds(65));
        assertEquals("2h01m", ProgressPrinter.formatSeconds(7260));
    }
}
