package dev.ossops.emulator.http;

/**
 * A request the server refuses on the wire, before any handler sees it (RFC 9110/9112): the
 * status to answer, a one-line reason for the plain-text body, and the connection is then closed
 * because its framing can no longer be trusted.
 */
final class ProtocolError extends Exception {
    private final int status;

    ProtocolError(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
