package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import org.jspecify.annotations.Nullable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.function.Function;

/**
 * One request whose head is complete, served on a worker thread: its body framed as the head
 * says, the handler's reply written, {@code Expect: 100-continue} honoured.
 */
final class Exchange {
    private final RequestHead head;
    private final RequestHead.Framing framing;
    private final Function<IncomingRequest, Reply> handler;

    Exchange(RequestHead head, RequestHead.Framing framing, Function<IncomingRequest, Reply> handler) {
        this.head = head;
        this.framing = framing;
        this.handler = handler;
    }

    /** Serves the request; returns whether the connection can carry another one. */
    boolean serve(InputStream in, OutputStream out) throws IOException {
        boolean expectContinue = "100-continue".equalsIgnoreCase(head.header("Expect"));
        TrackedBody body = new TrackedBody(body(in), expectContinue ? out : null);
        String target = head.target();
        int q = target.indexOf('?');
        IncomingRequest request = new IncomingRequest(
                head.method(),
                q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1),
                head.headers(),
                body);
        Reply reply = handler.apply(request);
        if (reply.resetsConnection()) {
            throw new ConnectionReset();
        }
        boolean keepAlive = head.keepAlive();
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
        return ResponseWriter.write(out, request.method(), reply, keepAlive);
    }

    private InputStream body(InputStream in) {
        if (framing instanceof RequestHead.Fixed fixed) {
            return BodyStreams.fixed(in, fixed.length());
        }
        if (framing instanceof RequestHead.Chunked) {
            return BodyStreams.chunked(in);
        }
        return InputStream.nullInputStream();
    }

    /** Reads the rest of a body; false when it could not be read to its end. */
    private static boolean drain(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A request body that sends {@code 100 Continue} when the handler first reads it (so a request
     * refused before its body is read never makes the client upload it), knows whether it was
     * started and read to the end, and turns any failure to read it into a
     * {@link RequestBodyException} the handler answers as the client's error.
     */
    private static final class TrackedBody extends FilterInputStream {
        private @Nullable OutputStream continueTo;
        private boolean started;
        private boolean finished;

        TrackedBody(InputStream body, @Nullable OutputStream continueTo) {
            super(body);
            this.continueTo = continueTo;
        }

        private void start() throws IOException {
            started = true;
            if (continueTo != null) {
                continueTo.write(HeaderValues.wire("HTTP/1.1 100 Continue\r\n\r\n"));
                continueTo.flush();
                continueTo = null;
            }
        }

        @Override
        public int read() throws IOException {
            start();
            try {
                int b = super.read();
                finished |= b < 0;
                return b;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            start();
            try {
                int n = super.read(b, off, len);
                finished |= n < 0;
                return n;
            } catch (IOException e) {
                throw failed(e);
            }
        }

        private static RequestBodyException failed(IOException e) {
            if (e instanceof RequestBodyException body) {
                return body;
            }
            if (e instanceof SocketTimeoutException) {
                return new RequestBodyException(OssError.REQUEST_TIMEOUT, OssError.REQUEST_TIMEOUT.defaultMessage(), e);
            }
            // Reset or closed by the client: nobody will read the answer, but it is still the client's doing.
            return new RequestBodyException(
                    OssError.INCOMPLETE_BODY, "The connection failed while the request body was read.", e);
        }

        boolean started() {
            return started;
        }

        boolean finished() {
            return finished;
        }
    }
}
