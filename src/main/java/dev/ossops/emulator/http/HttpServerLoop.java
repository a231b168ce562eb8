package dev.ossops.emulator.http;

import dev.ossops.emulator.net.Pacing;
import dev.ossops.emulator.net.TrafficShaper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server: persistent connections, Content-Length and chunked request bodies,
 * {@code Expect: 100-continue}, and response header names written exactly as given. The JDK's
 * {@code com.sun.net.httpserver} rewrites names ({@code X-oss-meta-a}), and the OSS SDKs match
 * {@code x-oss-meta-} case-sensitively, so it cannot serve OSS faithfully.
 *
 * <p>Why a selector in front of the workers: with a thread per connection, 256 clients that each
 * send half a request head and then one byte a minute hold every thread, and nobody else is
 * served. Here one selector thread reads every request head without blocking, within
 * {@link HttpLimits} (size, a deadline from the first byte, 414/431/408 otherwise), and only a
 * complete, well-framed head reaches a worker; a connection waiting between requests goes back to
 * the selector and holds no thread either. A slow or idle client therefore costs a socket and the
 * bytes it sent, never a worker, and at {@link HttpLimits#maxConnections()} the connection that has
 * waited longest for its head makes room. Workers block on the body and the reply as before, with a
 * read timeout on the body. (Java 17: virtual threads would have been the other way.)
 */
public final class HttpServerLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpServerLoop.class.getName());
    /** How often deadlines are checked when nothing arrives. */
    private static final long TICK_MILLIS = 250;
    /** After a refusal, the client's remaining bytes are read and dropped for this long, so it sees the answer, not a reset. */
    private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final long LINGER_BYTES = 256 * 1024;

    private final HttpLimits limits;
    private final Function<IncomingRequest, Reply> handler;
    private final TrafficShaper shaper;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final ThreadPoolExecutor workers;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Queue<Connection> returning = new ConcurrentLinkedQueue<>();
    /** Used by the selector thread only. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    private final byte[] readBytes = new byte[64 * 1024];
    private final Thread loop;
    /** When deadlines were last checked (selector thread only). */
    private long lastExpiry = System.nanoTime();
    /** Orders connections by when they began waiting for a head, ties included (selector thread only). */
    private long waitingOrder;

    private volatile boolean closed;

    public HttpServerLoop(InetAddress bind, int port, Function<IncomingRequest, Reply> handler) throws IOException {
        this(bind, port, handler, HttpLimits.defaults());
    }

    public HttpServerLoop(InetAddress bind, int port, Function<IncomingRequest, Reply> handler, HttpLimits limits)
            throws IOException {
        this(bind, port, handler, limits, new TrafficShaper(Pacing.SYSTEM));
    }

    /** @param shaper paces every connection's body and reply on its socket as the emulated link allows */
    public HttpServerLoop(
            InetAddress bind,
            int port,
            Function<IncomingRequest, Reply> handler,
            HttpLimits limits,
            TrafficShaper shaper)
            throws IOException {
        this.limits = limits;
        this.handler = handler;
        this.shaper = shaper;
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(bind, port), 1024);
            server.configureBlocking(false);
            this.selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                limits.workers(), limits.workers(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "ossops-emulator-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        workers.allowCoreThreadTimeOut(true);
        this.loop = new Thread(this::run, "ossops-emulator-http-" + port());
        this.loop.setDaemon(true);
        this.loop.start();
    }

    public int port() {
        return server.socket().getLocalPort();
    }

    private void run() {
        try {
            while (!closed) {
                selector.select(TICK_MILLIS);
                if (closed) {
                    break;
                }
                long now = System.nanoTime();
                List<Connection> ready = new ArrayList<>();
                takeBack(now, ready);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept(now);
                    } else if (key.isReadable()) {
                        read((Connection) key.attachment(), now, ready);
                    }
                }
                expire(now);
                dispatch(ready);
            }
        } catch (IOException | ClosedSelectorException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.ERROR, "the HTTP server stopped: " + e.getMessage());
            }
        } finally {
            for (Connection c : connections) {
                if (c.state != Connection.State.WORKER) {
                    close(c);
                }
            }
        }
    }

    private void accept(long now) {
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                // Out of file descriptors, say: the connections already open are still served.
                LOG.log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            if (connections.size() >= limits.maxConnections() && !evictLongestWaiting()) {
                LOG.log(System.Logger.Level.DEBUG, "too many connections, all busy; closing a new one");
                closeQuietly(channel);
                continue;
            }
            Connection c = new Connection(channel, shaper.connection());
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connections.add(c);
                waitForHead(c, now);
            } catch (IOException e) {
                close(c);
            }
        }
    }

    /** Closes the connection that has waited longest for a request head (idle or slow), if there is one. */
    private boolean evictLongestWaiting() {
        Connection oldest = null;
        for (Connection c : connections) {
            if (c.state == Connection.State.LINGER) {
                close(c);
                return true;
            }
            if (c.state == Connection.State.HEAD && (oldest == null || c.waitingOrder < oldest.waitingOrder)) {
                oldest = c;
            }
        }
        if (oldest == null) {
            return false;
        }
        LOG.log(System.Logger.Level.DEBUG, "too many connections; closing the one waiting longest for a request");
        close(oldest);
        return true;
    }

    private void waitForHead(Connection c, long now) throws IOException {
        c.state = Connection.State.HEAD;
        c.parser = new RequestHeadParser(limits);
        c.waitingSince = now;
        c.waitingOrder = ++waitingOrder;
        c.key = c.channel.register(selector, SelectionKey.OP_READ, c);
    }

    /** Connections whose exchange ended with the connection kept: back to waiting for a head, which may already be here. */
    private void takeBack(long now, List<Connection> ready) {
        for (Connection c = returning.poll(); c != null; c = returning.poll()) {
            try {
                waitForHead(c, now);
            } catch (IOException e) {
                close(c);
                continue;
            }
            byte[] pending = c.pending;
            c.pending = Connection.NOTHING;
            if (pending.length > 0) {
                consume(c, pending, pending.length, now, ready);
            }
        }
    }

    private void read(Connection c, long now, List<Connection> ready) {
        int n;
        readBuffer.clear();
        try {
            n = c.channel.read(readBuffer);
        } catch (IOException e) {
            close(c);
            return;
        }
        if (n < 0) {
            close(c);
            return;
        }
        if (c.state == Connection.State.LINGER) {
            c.lingered += n;
            if (c.lingered > LINGER_BYTES) {
                close(c);
            }
            return;
        }
        if (n > 0) {
            readBuffer.flip();
            readBuffer.get(readBytes, 0, n);
            consume(c, readBytes, n, now, ready);
        }
    }

    /** Feeds bytes to the head parser; a complete head becomes an exchange ready for a worker. */
    private void consume(Connection c, byte[] bytes, int length, long now, List<Connection> ready) {
        RequestHeadParser parser = Objects.requireNonNull(c.parser, "a connection waiting for a head has a parser");
        boolean started = parser.started();
        try {
            int used = parser.feed(bytes, 0, length);
            if (!started && parser.started()) {
                c.headStartedAt = now;
            }
            if (used < 0) {
                return;
            }
            RequestHead head = parser.head();
            c.exchange = new Exchange(head, head.framing(), handler);
            c.pending = Arrays.copyOfRange(bytes, used, length);
            c.parser = null;
            c.state = Connection.State.WORKER;
            SelectionKey key = c.key;
            if (key != null) {
                key.cancel();
            }
            c.key = null;
            ready.add(c);
        } catch (ProtocolError e) {
            refuse(c, e.getMessage(), e.status(), now);
        }
    }

    /**
     * Answers a request refused on the wire and stops reading requests from the connection: the
     * client's remaining bytes are dropped for a moment (so the answer is not lost to a reset),
     * then it is closed.
     */
    private void refuse(Connection c, String reason, int status, long now) {
        LOG.log(System.Logger.Level.DEBUG, "refused a request with " + status + ": " + reason);
        try {
            c.channel.write(ByteBuffer.wrap(ResponseWriter.plain(status, reason)));
            c.channel.shutdownOutput();
        } catch (IOException e) {
            close(c);
            return;
        }
        c.state = Connection.State.LINGER;
        c.parser = null;
        c.lingerUntil = now + LINGER_NANOS;
    }

    /** Refuses heads past their deadline and closes idle and lingering connections; at most once a tick, however busy. */
    private void expire(long now) {
        if (now - lastExpiry < TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS)) {
            return;
        }
        lastExpiry = now;
        long headDeadline = limits.headDeadline().toNanos();
        long idle = limits.idleTimeout().toNanos();
        for (Connection c : connections) {
            if (c.state == Connection.State.HEAD) {
                RequestHeadParser parser =
                        Objects.requireNonNull(c.parser, "a connection waiting for a head has a parser");
                if (parser.started() && now - c.headStartedAt > headDeadline) {
                    refuse(
                            c,
                            "The request head was not received within "
                                    + limits.headDeadline().toMillis() + " ms.",
                            408,
                            now);
                } else if (!parser.started() && now - c.waitingSince > idle) {
                    close(c);
                }
            } else if (c.state == Connection.State.LINGER && now - c.lingerUntil > 0) {
                close(c);
            }
        }
    }

    /** Hands complete heads to workers; their channels block from here on. */
    private void dispatch(List<Connection> ready) throws IOException {
        if (ready.isEmpty()) {
            return;
        }
        // A channel can block only once the selector has dropped its cancelled key.
        selector.selectNow();
        for (Connection c : ready) {
            try {
                c.channel.configureBlocking(true);
                workers.execute(() -> serve(c));
            } catch (IOException | IllegalBlockingModeException | RejectedExecutionException e) {
                close(c);
            }
        }
    }

    /** On a worker: one exchange, then the connection goes back to the selector or is closed. */
    private void serve(Connection c) {
        boolean keptOpen = false;
        try {
            Socket socket = c.channel.socket();
            socket.setSoTimeout((int) limits.bodyIdleTimeout().toMillis());
            // The link's shape is kept here, on the socket's streams, so what waits is the socket itself.
            // Heads (read by the selector) pass unpaced; the body bytes that came with one pass the link now.
            c.link.received(c.pending.length);
            ConnectionInput in = new ConnectionInput(c.pending, c.link.inbound(socket.getInputStream()), limits);
            OutputStream out = new BufferedOutputStream(c.link.outbound(socket.getOutputStream()), 16 * 1024);
            c.pending = Connection.NOTHING;
            Exchange exchange = Objects.requireNonNull(c.exchange, "a connection handed to a worker has an exchange");
            if (exchange.serve(in, out) && !closed) {
                c.pending = in.unread();
                c.exchange = null;
                c.channel.configureBlocking(false);
                returning.add(c);
                keptOpen = true;
                selector.wakeup();
            }
        } catch (ConnectionReset e) {
            abort(c);
        } catch (SocketTimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "connection timed out: " + e.getMessage());
        } catch (SocketException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "connection reset: " + e.getMessage());
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.WARNING, "connection failed: " + e.getMessage());
            }
        } catch (RuntimeException e) {
            // The handlers answer every error themselves; this is a bug, worth its stack trace.
            LOG.log(System.Logger.Level.ERROR, "serving a request failed", e);
        } finally {
            if (!keptOpen) {
                close(c);
            }
        }
    }

    /** Closes with SO_LINGER 0, so the peer sees a TCP reset rather than an orderly end. */
    private void abort(Connection c) {
        try {
            c.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot set SO_LINGER for a reset: " + e.getMessage());
        }
        close(c);
    }

    private void close(Connection c) {
        connections.remove(c);
        if (c.key != null) {
            c.key.cancel();
        }
        closeQuietly(c.channel);
    }

    /** Stops accepting, closes open connections and stops the workers. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5_000);
            closeQuietly(server);
            closeQuietly(selector);
            workers.shutdown();
            // Closing the channels ends the reads and writes workers are blocked in.
            for (Connection c : connections) {
                close(c);
            }
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed: " + e.getMessage());
        }
    }
}
