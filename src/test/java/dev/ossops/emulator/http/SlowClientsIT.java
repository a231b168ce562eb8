package dev.ossops.emulator.http;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A robustness test, not a benchmark: 300 connections that trickle half a request head and 40 that
 * send 13 MB of header fields, all at once and re-opened whenever the emulator closes them, while
 * an official SDK client keeps uploading and downloading. Every SDK call must be answered (within
 * the SDK's generous 60 s timeouts, on a loaded machine), and the heap the emulator shares with
 * this JVM must stay bounded. Everything runs on 127.0.0.1.
 */
@ExtendWith(EmulatorExtension.class)
class SlowClientsIT {
    private static final int SLOW = 300;
    private static final int OVERSIZED = 40;
    private static final long OVERSIZED_BYTES = 13L * 1024 * 1024;
    private static final int ROUND_TRIPS = 20;
    /** Generous: the limits keep this under a tenth of it (340 half-heads of at most 80 KiB each). */
    private static final long MAX_HEAP_GROWTH = 256L * 1024 * 1024;

    @Test
    void emulator_slowAndOversizedHeadersAtOnce_keepsAnsweringWithABoundedHeap(EmulatorClients clients)
            throws Exception {
        String bucket = clients.bucketName("slow-clients");
        clients.v4().createBucket(bucket);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeapUsed(memory);
        int port = clients.endpoint().getPort();
        try (OversizedHeads oversized = new OversizedHeads(port, OVERSIZED);
                SlowHeads slow = new SlowHeads(port, SLOW)) {
            assertTrue(oversized.allSending.await(5, TimeUnit.MINUTES), "the oversized connections started sending");
            assertTrue(slow.allOpen.await(5, TimeUnit.MINUTES), "the slow connections were opened");
            long slowest = 0;
            for (int i = 0; i < ROUND_TRIPS; i++) {
                byte[] content = ("round trip " + i).getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                // A new client each time: its connections are opened while the hostile ones are held.
                OSS oss = patientClient(clients);
                try {
                    oss.putObject(bucket, "k" + i, new ByteArrayInputStream(content));
                    try (OSSObject object = oss.getObject(bucket, "k" + i);
                            InputStream in = object.getObjectContent()) {
                        assertArrayEquals(content, in.readAllBytes());
                    }
                } finally {
                    oss.shutdown();
                }
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            long during = settledHeapUsed(memory);
            assertTrue(during - before < MAX_HEAP_GROWTH, "heap grew by " + (during - before) / 1024 / 1024 + " MiB");
            System.out.printf(
                    "SlowClientsIT: %d SDK round trips on new connections, slowest %d ms; heap %d -> %d MiB; "
                            + "slow heads re-opened %d times, oversized heads sent %d MiB%n",
                    ROUND_TRIPS,
                    TimeUnit.NANOSECONDS.toMillis(slowest),
                    before >> 20,
                    during >> 20,
                    slow.reopened.get(),
                    oversized.sent.get() >> 20);
        }
    }

    /** An SDK client whose timeouts are far above anything a served request needs, even on a loaded machine. */
    private static OSS patientClient(EmulatorClients clients) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        conf.setConnectionTimeout(60_000);
        conf.setSocketTimeout(60_000);
        return OSSClientBuilder.create()
                .endpoint(clients.endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(clients.keyId(), clients.secret()))
                .clientConfiguration(conf)
                .region(clients.region())
                .build();
    }

    /** Heap in use once collections have settled: the smallest of a few readings after a GC. */
    private static long settledHeapUsed(MemoryMXBean memory) throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            Thread.sleep(200);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static void join(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Connections that send the start of a request head, then one byte every half second; re-opened when closed. */
    private static final class SlowHeads implements AutoCloseable {
        final CountDownLatch allOpen = new CountDownLatch(1);
        final AtomicLong reopened = new AtomicLong();
        private final int port;
        private final Socket[] sockets;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        SlowHeads(int port, int count) {
            this.port = port;
            this.sockets = new Socket[count];
            this.thread = new Thread(this::run, "slow-heads");
            thread.setDaemon(true);
            thread.start();
        }

        private Socket open(int i) throws IOException {
            Socket s = new Socket("127.0.0.1", port);
            s.getOutputStream()
                    .write(("GET /slow-" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
                            .getBytes(StandardCharsets.US_ASCII));
            return s;
        }

        private void run() {
            try {
                for (int i = 0; i < sockets.length; i++) {
                    sockets[i] = open(i);
                }
                allOpen.countDown();
                while (!stop.get()) {
                    Thread.sleep(500);
                    for (int i = 0; i < sockets.length && !stop.get(); i++) {
                        try {
                            sockets[i].getOutputStream().write('a');
                        } catch (IOException closedByTheServer) {
                            sockets[i].close();
                            sockets[i] = open(i);
                            reopened.incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot keep the slow connections open", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            stop.set(true);
            join(thread);
            for (Socket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    /** Connections that each send 13 MB of header fields as fast as the server takes them; re-opened when refused. */
    private static final class OversizedHeads implements AutoCloseable {
        final CountDownLatch allSending;
        final AtomicLong sent = new AtomicLong();
        private final int port;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

        OversizedHeads(int port, int count) {
            this.port = port;
            this.allSending = new CountDownLatch(count);
            // Fields of 60 KiB: 13 MB of them fit a server that only caps each line (64 KiB) and their count (200).
            byte[] chunk = ("X-Filler: " + "f".repeat(60 * 1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                Thread t = new Thread(() -> send(chunk), "oversized-heads-" + i);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
        }

        private void send(byte[] chunk) {
            boolean counted = false;
            while (!stop.get()) {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    sockets.add(s);
                    OutputStream out = s.getOutputStream();
                    out.write("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    if (!counted) {
                        allSending.countDown();
                        counted = true;
                    }
                    for (long written = 0; written < OVERSIZED_BYTES && !stop.get(); written += chunk.length) {
                        out.write(chunk);
                        sent.addAndGet(chunk.length);
                    }
                } catch (IOException refusedByTheServer) {
                    // 431 and closed: the next 13 MB go on a new connection, after a breath for the shared machine.
                    pause();
                } finally {
                    sockets.removeIf(Socket::isClosed);
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }

        @Override
        public void close() throws IOException {
            stop.set(true);
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            threads.forEach(SlowClientsIT::join);
        }
    }
}
