package dev.ossops.emulator.http;

import dev.ossops.emulator.net.TrafficShaper;
import org.jspecify.annotations.Nullable;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection as {@link HttpServerLoop} tracks it. Its fields change hands with the
 * connection: the selector thread owns them while a head is read ({@link State#HEAD}) or a refused
 * request is wound down ({@link State#LINGER}); a worker owns them while it serves
 * ({@link State#WORKER}), and hands them back through the loop's queue.
 */
final class Connection {
    enum State {
        HEAD,
        LINGER,
        WORKER
    }

    static final byte[] NOTHING = new byte[0];

    final SocketChannel channel;
    /** The emulated link as this connection meets it, for its whole life (its rate spans its requests). */
    final TrafficShaper.ConnectionLink link;

    volatile State state = State.HEAD;
    /** Registered with the selector while it waits for a head; null while a worker has it. */
    @Nullable
    SelectionKey key;
    /** Set while it waits for a head; null once the head is complete or refused. */
    @Nullable
    RequestHeadParser parser;
    /** When it began waiting for its next request head (accepted, or back from a worker), in nanoseconds. */
    long waitingSince;
    /** The same as a sequence number: the smallest has waited longest. */
    long waitingOrder;
    /** When the first byte of the current head arrived, in nanoseconds. */
    long headStartedAt;
    /** Bytes that arrived after a head: the body's start, or a pipelined request. */
    byte[] pending = NOTHING;

    /** Set from a complete head until the worker has served it. */
    @Nullable
    Exchange exchange;

    long lingerUntil;
    long lingered;

    Connection(SocketChannel channel, TrafficShaper.ConnectionLink link) {
        this.channel = channel;
        this.link = link;
    }
}
