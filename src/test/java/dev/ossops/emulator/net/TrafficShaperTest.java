package dev.ossops.emulator.net;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The link's shape on the socket streams, on counting pacing: time passes only while a stream
 * waits, so each test asserts how long the transfer was held back, not how long it took.
 */
class TrafficShaperTest {
    private static final int MIB = 1024 * 1024;
    /** Waits are rounded up to whole nanoseconds: far less than this over a transfer. */
    private static final long ROUNDING_NANOS = 1_000_000L;

    private final CountingPacing pacing = new CountingPacing();
    private final TrafficShaper shaper = new TrafficShaper(pacing);

    private static byte[] bytes(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) (i * 31);
        }
        return data;
    }

    @Test
    void inbound_connectionLimit_holdsOneStreamToThatRate() throws Exception {
        shaper.shapeLink(MIB, 0);
        byte[] data = bytes(4 * MIB);
        InputStream in = shaper.connection().inbound(new ByteArrayInputStream(data));
        assertArrayEquals(data, in.readAllBytes());
        // 4 MiB at 1 MiB/s, less the tenth of a second's burst that passes at once.
        assertEquals(3_900_000_000L, pacing.slept(), ROUNDING_NANOS);
    }

    @Test
    void outbound_connectionLimit_holdsOneStreamToThatRate() throws Exception {
        shaper.shapeLink(2 * MIB, 0);
        byte[] data = bytes(4 * MIB);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = shaper.connection().outbound(sink)) {
            out.write(data);
        }
        assertArrayEquals(data, sink.toByteArray());
        assertEquals(1_900_000_000L, pacing.slept(), ROUNDING_NANOS);
    }

    @Test
    void connection_requestAfterRequest_keepsItsRateWithNoNewBurst() throws Exception {
        shaper.shapeLink(MIB, 0);
        TrafficShaper.ConnectionLink connection = shaper.connection();
        for (int request = 0; request < 4; request++) {
            connection.inbound(new ByteArrayInputStream(bytes(MIB))).readAllBytes();
        }
        // 4 MiB over one connection at 1 MiB/s: one burst for the connection, not one per request.
        assertEquals(3_900_000_000L, pacing.slept(), ROUNDING_NANOS);
    }

    @Test
    void received_bytesReadPastTheLink_passItBeforeTheRest() throws Exception {
        shaper.shapeLink(MIB, 0);
        TrafficShaper.ConnectionLink connection = shaper.connection();
        connection.received(MIB);
        connection.inbound(new ByteArrayInputStream(bytes(MIB))).readAllBytes();
        assertEquals(1_900_000_000L, pacing.slept(), ROUNDING_NANOS);
    }

    @Test
    void outbound_largeWrite_leavesOneChunkAtATime() throws Exception {
        shaper.shapeLink(1024, 0);
        List<Integer> writes = new ArrayList<>();
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
            }
        };
        shaper.connection().outbound(recording).write(new byte[40 * 1024]);
        assertEquals(List.of(16 * 1024, 16 * 1024, 8 * 1024), writes);
    }

    @Test
    void inbound_eightConnections_shareTheTotal() throws Exception {
        // Each connection could go at 1 MiB/s, the link carries 4 MiB/s: eight streams of 2 MiB
        // need 16 MiB / 4 MiB/s = 4 s, less the total's burst of 0.4 MiB (0.1 s).
        shaper.shapeLink(MIB, 4 * MIB);
        List<InputStream> streams = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            streams.add(shaper.connection().inbound(new ByteArrayInputStream(bytes(2 * MIB))));
        }
        long moved = interleave(streams);
        assertEquals(16L * MIB, moved);
        assertEquals(3_900_000_000L, pacing.slept(), ROUNDING_NANOS);
    }

    @Test
    void inbound_twoConnectionsUnderAWideTotal_eachKeepsItsOwnRate() throws Exception {
        // 2 x 2 MiB at 1 MiB/s each side by side: 2 s of link time, not 4, less each one's 0.1 s burst.
        shaper.shapeLink(MIB, 100 * MIB);
        long moved = interleave(List.of(
                shaper.connection().inbound(new ByteArrayInputStream(bytes(2 * MIB))),
                shaper.connection().inbound(new ByteArrayInputStream(bytes(2 * MIB)))));
        assertEquals(4L * MIB, moved);
        assertEquals(1_900_000_000L, pacing.slept(), 20 * ROUNDING_NANOS);
    }

    @Test
    void shapeLink_changedWhileOpen_appliesFromTheNextRead() throws Exception {
        InputStream in = shaper.connection().inbound(new ByteArrayInputStream(bytes(3 * MIB)));
        assertEquals(MIB, in.readNBytes(MIB).length);
        assertEquals(0, pacing.sleeps());
        shaper.shapeLink(MIB, 0);
        assertEquals(MIB, in.readNBytes(MIB).length);
        assertEquals(900_000_000L, pacing.slept(), ROUNDING_NANOS);
        shaper.shapeLink(0, 0);
        pacing.reset();
        assertEquals(MIB, in.readNBytes(MIB).length);
        assertEquals(0, pacing.sleeps());
    }

    @Test
    void inbound_unshaped_readsWholeBuffersWithoutWaiting() throws Exception {
        InputStream in = shaper.connection().inbound(new ByteArrayInputStream(bytes(MIB)));
        assertEquals(64 * 1024, in.read(new byte[64 * 1024]));
        assertEquals(0, pacing.sleeps());
    }

    @Test
    void shapeLink_negative_isRefused() {
        assertEquals(
                "bandwidths must be 0 (unlimited) or more",
                assertThrows(IllegalArgumentException.class, () -> shaper.shapeLink(-1, 0))
                        .getMessage());
    }

    /** Reads the streams a chunk at a time in turn, as concurrent connections would take turns; returns the bytes moved. */
    private static long interleave(List<InputStream> streams) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        long moved = 0;
        boolean any = true;
        while (any) {
            any = false;
            for (InputStream s : streams) {
                int n = s.read(buffer);
                if (n > 0) {
                    moved += n;
                    any = true;
                }
            }
        }
        return moved;
    }
}
