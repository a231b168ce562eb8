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
 * @param minBodyBytesPerSecond the least average rate a request body must keep once {@code bodyRateGrace} has
 *                        passed since its first read; slower, the connection is closed (0: no floor)
 * @param bodyRateGrace   how long a body may take before its average rate is held to the floor
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
        long minBodyBytesPerSecond,
        Duration bodyRateGrace,
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
                || bodyIdleTimeout.isZero()
                || bodyRateGrace.isNegative()
                || bodyRateGrace.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("the body rate floor must be 0 or more: " + minBodyBytesPerSecond);
        }
    }

    /**
     * A request line of 16 KiB holds a 1023-byte key percent-encoded three times over plus a presigned
     * query with an STS token; 64 KiB of headers hold OSS's 8 KB of user metadata many times over. At
     * 1024 connections a full set of half-sent heads stays under 100 MiB of heap. A body must average 1 KiB/s
     * after its first 10 seconds: a client that trickles a byte just inside every read timeout would otherwise
     * hold a worker for as long as it likes, and 1 KiB/s is far below any real link (or any shaped one).
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
                Duration.ofSeconds(10),
                1024,
                256);
    }
}
