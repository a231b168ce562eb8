package dev.ossops.emulator.http;

import java.io.IOException;

/**
 * Signals that the connection is to be reset (TCP RST, no further bytes): thrown while serving an
 * exchange whose reply {@link Reply#resetsConnection() asks for it} or whose body was cut short
 * by fault injection. The server loop catches it and aborts the socket.
 */
final class ConnectionReset extends IOException {
    ConnectionReset() {
        super("connection reset by fault injection");
    }
}
