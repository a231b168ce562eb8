package dev.ossops.emulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server: persistent connections, Content-Length and chunked request bodies,
 * {@code Expect: 100-continue}, and response header names written exactly as given. The JDK's
 * {@code com.sun.net.httpserver} rewrites names ({@code X-oss-meta-a}), and the OSS SDKs match
 * {@code x-oss-meta-} case-sensitively, so it cannot serve OSS faithfully.
 */
public final class HttpServerLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpServerLoop.class.getName());
    /** An idle persistent connection is closed after this long, like a server-side keep-alive timeout. */
    private static final int IDLE_MILLIS = 60_000;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_CONNECTIONS = 256;

    private final ServerSocket socket;
    private final Function<IncomingRequest, Reply> handler;
    private final ThreadPoolExecutor workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    public HttpServerLoop(InetAddress bind, int port, Function<IncomingRequest, Reply> handler) throws IOException {
        this.socket = new ServerSocket(port, 128, bind);
        this.handler = handler;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "ossops-emulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "ossops-emulator-accept-" + socket.getLocalPort());
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage());
                }
                continue;
            }
            open.add(client);
            try {
                workers.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "too many connections; closing one");
                closeQuietly(client);
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(IDLE_MILLIS);
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 64 * 1024);
            boolean keepAlive = true;
            try {
                while (keepAlive && !closed) {
                    keepAlive = exchange(in, out);
                }
            } catch (ConnectionReset e) {
                // Must happen before the socket closes, so the close sends RST.
                abort(client);
            }
        } catch (SocketTimeoutException | EOFException e) {
            // idle keep-alive connection, or the client hung up between requests: normal ends
        } catch (SocketException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.DEBUG, "connection reset: " + e.getMessage());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "connection failed: " + e.getMessage());
        } finally {
            open.remove(client);
        }
    }

    /** Serves one request; returns whether the connection stays open. */
    private boolean exchange(InputStream in, OutputStream out) throws IOException {
        String requestLine = HttpLines.readLine(in);
        while (requestLine.isEmpty()) {
            requestLine = HttpLines.readLine(in);
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            writeHead(out, 400, List.of(Map.entry("Content-Length", "0"), Map.entry("Connection", "close")));
            out.flush();
            return false;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = HttpLines.readLine(in); !line.isEmpty(); line = HttpLines.readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new IOException("malformed header line");
            }
            headers.add(new AbstractMap.SimpleImmutableEntry<>(line.substring(0, colon).trim(),
                    HttpLines.utf8(line.substring(colon + 1).trim())));
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        IncomingRequest probe = new IncomingRequest(parts[0], rawPath, rawQuery, headers, InputStream.nullInputStream());
        boolean expectContinue = "100-continue".equalsIgnoreCase(probe.header("Expect"));
        TrackedBody body = new TrackedBody(body(in, probe), expectContinue ? out : null);
        IncomingRequest request = new IncomingRequest(parts[0], rawPath, rawQuery, headers, body);
        Reply reply = handler.apply(request);
        if (reply.resetsConnection()) {
            throw new ConnectionReset();
        }
        boolean keepAlive = parts[2].equals("HTTP/1.1") && !"close".equalsIgnoreCase(probe.header("Connection"));
        if (!body.finished()) {
            if (expectContinue && !body.started()) {
                // The client waits for 100 Continue before sending; it gets the final answer instead and the
                // body never comes, so the connection cannot carry another request.
                keepAlive = false;
            } else {
                // The client is sending the body anyway: read it, so it sees the answer rather than a reset.
                keepAlive &= drain(body);
            }
        }
        write(out, request, reply, keepAlive);
        return keepAlive;
    }

    /** Closes with SO_LINGER 0, so the peer sees a TCP reset rather than an orderly end. */
    private static void abort(Socket client) {
        try {
            client.setSoLinger(true, 0);
        } catch (SocketException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot set SO_LINGER for a reset: " + e.getMessage());
        }
    }

    /** Reads the rest of a body; false when the client stopped sending it. */
    private static boolean drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream body(InputStream in, IncomingRequest request) throws IOException {
        String transfer = request.header("Transfer-Encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            return BodyStreams.chunked(in);
        }
        String length = request.header("Content-Length");
        if (length == null) {
            return InputStream.nullInputStream();
        }
        try {
            return BodyStreams.fixed(in, Long.parseLong(length.trim()));
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length", e);
        }
    }

    private static void write(OutputStream out, IncomingRequest request, Reply reply, boolean keepAlive) throws IOException {
        boolean head = request.method().equals("HEAD");
        boolean noBody = reply.status() == 204 || reply.status() == 304;
        List<Map.Entry<String, String>> headers = new ArrayList<>(reply.headers().entrySet());
        if (!noBody) {
            // HEAD answers the length GET would send.
            headers.add(Map.entry("Content-Length", Long.toString(reply.length())));
        }
        headers.add(Map.entry("Connection", keepAlive ? "keep-alive" : "close"));
        writeHead(out, reply.status(), headers);
        if (!head && !noBody && reply.hasBody()) {
            try {
                reply.writeBody(out);
            } catch (ConnectionReset e) {
                // The client is to see the head and the bytes before the cut, then the reset.
                out.flush();
                throw e;
            }
        }
        out.flush();
    }

    private static void writeHead(OutputStream out, int status, List<Map.Entry<String, String>> headers) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(Reasons.of(status)).append("\r\n");
        for (Map.Entry<String, String> h : headers) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("\r\n");
        out.write(HttpLines.wire(head.toString()));
    }

    /**
     * A request body that sends {@code 100 Continue} when the handler first reads it (so a request
     * refused before its body is read never makes the client upload it), and knows whether it was
     * started and read to the end.
     */
    private static final class TrackedBody extends FilterInputStream {
        private OutputStream continueTo;
        private boolean started;
        private boolean finished;

        TrackedBody(InputStream body, OutputStream continueTo) {
            super(body);
            this.continueTo = continueTo;
        }

        private void start() throws IOException {
            started = true;
            if (continueTo != null) {
                continueTo.write(HttpLines.wire("HTTP/1.1 100 Continue\r\n\r\n"));
                continueTo.flush();
                continueTo = null;
            }
        }

        @Override
        public int read() throws IOException {
            start();
            int b = super.read();
            finished |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            start();
            int n = super.read(b, off, len);
            finished |= n < 0;
            return n;
        }

        boolean started() {
            return started;
        }

        boolean finished() {
            return finished;
        }
    }

    /** Stops accepting, closes open connections and stops the workers. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(socket);
        for (Socket s : open) {
            closeQuietly(s);
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed: " + e.getMessage());
        }
    }

    /** Reason phrases of the statuses OSS answers with. */
    private static final class Reasons {
        private static final Map<Integer, String> PHRASES = Map.ofEntries(
                Map.entry(100, "Continue"), Map.entry(200, "OK"), Map.entry(204, "No Content"),
                Map.entry(206, "Partial Content"), Map.entry(304, "Not Modified"), Map.entry(400, "Bad Request"),
                Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
                Map.entry(409, "Conflict"), Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
                Map.entry(416, "Requested Range Not Satisfiable"), Map.entry(500, "Internal Server Error"),
                Map.entry(501, "Not Implemented"), Map.entry(503, "Service Unavailable"));

        static String of(int status) {
            return PHRASES.getOrDefault(status, "Status");
        }
    }
}
