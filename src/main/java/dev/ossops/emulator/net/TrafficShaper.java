package dev.ossops.emulator.net;

import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Makes the bandwidth limits of one emulator on one {@link Pacing}: the per-request limit OSS's
 * x-oss-traffic-limit asks for, and the shape of the emulated link, kept on the sockets
 * themselves: each connection's bytes in each direction at most {@code connectionBytesPerSecond},
 * and all connections' bytes in each direction together at most {@code totalBytesPerSecond}
 * (0: no limit). A connection that is held back stops reading its socket (or writing to it), so
 * the client meets TCP's own back-pressure, as behind a slow link. The link can change while
 * connections are open; they follow it from their next read or write.
 */
public final class TrafficShaper {
    /** A tenth of a second at the limit passes at once, so pacing starts smoothly. */
    private static final int BURST_DIVISOR = 10;

    private final Pacing pacing;
    private volatile Link link = Link.UNSHAPED;

    public TrafficShaper(Pacing pacing) {
        this.pacing = pacing;
    }

    /** The bandwidth of one request limited to {@code bitsPerSecond}. */
    public Bandwidth perRequest(long bitsPerSecond) {
        return bucket(bitsPerSecond / 8);
    }

    /**
     * Shapes the link from now on; 0 lifts a limit. Every call starts new buckets, so a change
     * never inherits the debt or the burst of the limits before it.
     */
    public void shapeLink(long connectionBytesPerSecond, long totalBytesPerSecond) {
        if (connectionBytesPerSecond < 0 || totalBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidths must be 0 (unlimited) or more");
        }
        link = new Link(
                connectionBytesPerSecond,
                bucketOrUnlimited(totalBytesPerSecond),
                bucketOrUnlimited(totalBytesPerSecond));
    }

    /** The link as one new connection meets it. */
    public ConnectionLink connection() {
        return new ConnectionLink();
    }

    private Bandwidth bucketOrUnlimited(long bytesPerSecond) {
        return bytesPerSecond == 0 ? Bandwidth.UNLIMITED : bucket(bytesPerSecond);
    }

    private Bandwidth bucket(long bytesPerSecond) {
        return new TokenBucket(bytesPerSecond, bytesPerSecond / BURST_DIVISOR, pacing);
    }

    /** One shape of the link: the per-connection rate, and the shared buckets of each direction. */
    private record Link(long connectionBytesPerSecond, Bandwidth totalIn, Bandwidth totalOut) {
        static final Link UNSHAPED = new Link(0, Bandwidth.UNLIMITED, Bandwidth.UNLIMITED);
    }

    /**
     * One connection's two directions, kept for the connection's whole life: a connection that
     * sends request after request stays at its rate, with no new burst per request.
     */
    public final class ConnectionLink {
        private final ConnectionSide in = new ConnectionSide(true);
        private final ConnectionSide out = new ConnectionSide(false);

        private ConnectionLink() {}

        /** What the connection reads from its socket, paced by the link. */
        public InputStream inbound(InputStream socket) {
            return new ThrottledInputStream(socket, in);
        }

        /** What the connection writes to its socket, paced by the link. */
        public OutputStream outbound(OutputStream socket) {
            return new ThrottledOutputStream(socket, out);
        }

        /** Bytes read from the socket past this link (with a request head): they pass it now. */
        public void received(long bytes) throws InterruptedIOException {
            if (bytes > 0) {
                in.take(bytes);
            }
        }
    }

    /**
     * One direction of one connection: its own bucket at the link's per-connection rate, then the
     * direction's shared bucket. A new link shape replaces both on the next take.
     */
    private final class ConnectionSide implements Bandwidth {
        private final boolean inbound;
        /** The link the buckets were made for; null until the first take. */
        private @Nullable Link shape;

        private Bandwidth current = Bandwidth.UNLIMITED;

        ConnectionSide(boolean inbound) {
            this.inbound = inbound;
        }

        @Override
        public void take(long bytes) throws InterruptedIOException {
            bandwidth().take(bytes);
        }

        @Override
        public boolean limited() {
            return bandwidth().limited();
        }

        /** One thread at a time serves a connection (handed over through the server's queue), so no lock is needed here. */
        private Bandwidth bandwidth() {
            Link now = link;
            // Identity, not equality: a new Link object is what a reconfiguration publishes.
            if (!isSameLink(now)) {
                shape = now;
                Bandwidth own = bucketOrUnlimited(now.connectionBytesPerSecond());
                current = Bandwidth.both(own, inbound ? now.totalIn() : now.totalOut());
            }
            return current;
        }

        @SuppressWarnings("ReferenceEquality") // deliberately identity: see bandwidth()
        private boolean isSameLink(Link now) {
            return now == shape;
        }
    }
}
