package dev.ossops.emulator.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes written to and read from a loopback socket exactly as given, for requests no HTTP client
 * would send. Reads wait at most {@link #TIMEOUT_MILLIS} (generous, for a loaded machine); no
 * test is decided by how long something took.
 */
public final class RawSocket implements AutoCloseable {
    public static final int TIMEOUT_MILLIS = 60_000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\nContent-Length: *(\\d+)\r\n");

    private final Socket socket;
    private final PushbackInputStream in;

    public RawSocket(int port) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        this.in = new PushbackInputStream(socket.getInputStream(), 1);
    }

    public RawSocket send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    public RawSocket send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Ends the request side, as a client does that has nothing more to send. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** One response: its head and the Content-Length bytes of its body, as text. */
    public String response() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after " + head.size()
                        + " bytes of a response head: " + head.toString(StandardCharsets.UTF_8));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.UTF_8);
        Matcher m = CONTENT_LENGTH.matcher(text);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Every response until the server closes the connection. */
    public List<String> responsesUntilClosed() throws IOException {
        List<String> responses = new ArrayList<>();
        while (!closedByServer()) {
            responses.add(response());
        }
        return responses;
    }

    /** Waits for the server's next byte: false when one came (it stays readable), true at end of stream or reset. */
    public boolean closedByServer() throws IOException {
        try {
            int b = in.read();
            if (b < 0) {
                return true;
            }
            in.unread(b);
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** Whether the connection stays open and silent for {@code millis}: the server neither answered nor closed it. */
    public boolean openAndSilentFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            if (b >= 0) {
                in.unread(b);
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (SocketException e) {
            return false;
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
