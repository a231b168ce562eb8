package dev.ossops.emulator.http;

import java.time.Duration;

/**
 * What {@link HttpServerLoop} allows a client before its request reaches the handler, and so
 * before anything is authenticated.
 *
 * @param maxRequestLine  bytes of the request line; longer is answered 414
 * @param maxHeaderBytes  bytes of all header field lines together; more is answered 431
 * @param maxHeaderFields number of header fields; more is answered 431
 * @param headDeadline    time from a request's first byte until its head (request line and headers) is complete;
 *                        later is answered 408 (slow-loris)
 * @param idleTimeout     how long a connection may wait for the first byte of its next request
 * @param bodyIdleTimeout how long a request body may pause between two reads
 * @param maxConnections  open connections; at the limit the one waiting longest for a request head is closed
 * @param workers         threads that serve requests whose head is complete
 */
public record HttpLimits(
        int maxRequestLine,
        int maxHeaderBytes,
        int maxHeaderFields,
        Duration headDeadline,
        Duration idleTimeout,
        Duration bodyIdleTimeout,
        int maxConnections,
        int workers) {
    public HttpLimits {
        if (maxRequestLine < 64 || maxHeaderBytes < 256 || maxHeaderFields < 8 || maxConnections < 1 || workers < 1) {
            throw new IllegalArgumentException("HTTP limits too small: " + maxRequestLine + "/" + maxHeaderBytes + "/"
                    + maxHeaderFields + "/" + maxConnections + "/" + workers);
        }
        if (headDeadline.isNegative()
                || headDeadline.isZero()
                || idleTimeout.isNegative()
                || idleTimeout.isZero()
                || bodyIdleTimeout.isNegative()
                || bodyIdleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
    }

    /**
     * A request line of 16 KiB holds a 1023-byte key percent-encoded three times over plus a presigned
     * query with an STS token; 64 KiB of headers hold OSS's 8 KB of user metadata many times over. At
     * 1024 connections a full set of half-sent heads stays under 100 MiB of heap.
     */
    public static HttpLimits defaults() {
        return new HttpLimits(
                16 * 1024,
                64 * 1024,
                200,
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                1024,
                256);
    }
}
