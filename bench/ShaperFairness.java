import dev.ossops.emulator.net.Pacing;
import dev.ossops.emulator.net.TrafficShaper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How evenly the emulator's link shaper shares its total among connections, without sockets or
 * clients: CONNECTIONS threads read an endless body through their own connection of one shaped
 * link for SECONDS, as the emulator's request threads read uploads, and each one's bytes are
 * counted. TCP flows of one round-trip time share a link about evenly; a shaper that does not
 * gives some transfers a long tail. Prints, per link: the total rate against the configured one,
 * and the slowest and fastest connection's bytes against an even share.
 *
 * Run: java -cp target/ossops.jar bench/ShaperFairness.java [SECONDS]
 */
public final class ShaperFairness {
    private static final long MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        System.out.println("| link | connections | total | configured | slowest / even share | fastest / even share |");
        System.out.println("|---|---|---|---|---|---|");
        run("wan: 24 MiB/s each, 240 in total", 16, 24 * MIB, 240 * MIB, seconds);
        run("far: 4 MiB/s each, 48 in total", 16, 4 * MIB, 48 * MIB, seconds);
        run("240 MiB/s in total only", 8, 0, 240 * MIB, seconds);
    }

    private static void run(String name, int connections, long each, long total, double seconds)
            throws InterruptedException {
        TrafficShaper shaper = new TrafficShaper(Pacing.SYSTEM);
        shaper.shapeLink(each, total);
        AtomicBoolean stop = new AtomicBoolean();
        long[] moved = new long[connections];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int index = i;
            InputStream in = shaper.connection().inbound(new Endless());
            Thread t = new Thread(() -> {
                byte[] buffer = new byte[64 * 1024];
                try {
                    while (!stop.get()) {
                        moved[index] += in.read(buffer);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long sum = Arrays.stream(moved).sum();
        double even = (double) sum / connections;
        double configured = each == 0 ? total : Math.min(total, each * connections);
        System.out.printf(
                "| %s | %d | %.1f MiB/s | %.0f MiB/s | %.2f | %.2f |%n",
                name,
                connections,
                sum / elapsed / MIB,
                configured / MIB,
                Arrays.stream(moved).min().orElse(0) / even,
                Arrays.stream(moved).max().orElse(0) / even);
    }

    /** Zeros, as many as asked, for ever. */
    private static final class Endless extends InputStream {
        @Override
        public int read() {
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len;
        }
    }
}
