package dev.ossops.emulator.http;

/**
 * A request the server refuses on the wire, before any handler sees it (RFC 9110/9112): the
 * status to answer, a one-line reason for the plain-text body, and the connection is then closed
 * because its framing can no longer be trusted.
 */
final class ProtocolError extends Exception {
    private final int status;
    private final String reason;

    ProtocolError(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** The reason, never null (Throwable's own may be). */
    @Override
    public String getMessage() {
        return reason;
    }

    int status() {
        return status;
    }
}
