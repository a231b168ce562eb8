package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code multipart/form-data} body part by part without holding a part in memory: each
 * part's content is a stream that ends at the next boundary, so a file part can be copied to disk
 * as it arrives. A part must be read (or {@link Part#skip skipped}) before the next is requested.
 */
final class MultipartFormReader {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    /** The boundary parameter, quoted or not; its value is checked against RFC 2046's bchars separately. */
    private static final Pattern BOUNDARY = Pattern.compile("(?i)(?:^|;)\\s*boundary=(?:\"([^\"]*)\"|([^;\\s]*))");
    /** RFC 2046 5.1.1: 1 to 70 of these, not ending with a space. */
    private static final Pattern BOUNDARY_CHARS =
            Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)(?:^|;)\\s*filename=\"([^\"]*)\"");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean started;
    private boolean finished;

    /** One form part: its field name, the file name when it is a file, its Content-Type, and its content. */
    record Part(
            String name,
            @Nullable String filename,
            @Nullable String contentType,
            InputStream content) {
        void skip() {
            try {
                content.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the form", e);
            }
        }

        /** The content as text, refusing fields longer than {@code max} bytes. */
        String text(int max) {
            try {
                byte[] bytes = content.readNBytes(max + 1);
                if (bytes.length > max) {
                    throw new OssException(OssError.INVALID_ARGUMENT, "The form field " + name + " is too long.");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the form", e);
            }
        }
    }

    private MultipartFormReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        // The first boundary has no preceding CRLF; pretend it has, so one delimiter fits all.
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    /** The reader for a request whose Content-Type is multipart/form-data with a boundary, if it is one. */
    static Optional<MultipartFormReader> of(@Nullable String contentType, InputStream body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        // A form without a usable boundary cannot be split into fields: OSS's MalformedPOSTRequest.
        Matcher m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            throw new OssException(OssError.MALFORMED_POST_REQUEST);
        }
        String boundary = m.group(1) != null ? m.group(1) : m.group(2);
        if (!BOUNDARY_CHARS.matcher(boundary).matches()) {
            throw new OssException(OssError.MALFORMED_POST_REQUEST);
        }
        return Optional.of(new MultipartFormReader(body, boundary));
    }

    /** The next part, or empty after the closing boundary. */
    Optional<Part> next() {
        try {
            if (finished) {
                return Optional.empty();
            }
            if (!started) {
                started = true;
                // Skip the preamble up to and including the first delimiter.
                new PartContent().transferTo(java.io.OutputStream.nullOutputStream());
            }
            byte[] after = readExactly(2);
            if (after[0] == '-' && after[1] == '-') {
                finished = true;
                return Optional.empty();
            }
            if (after[0] != '\r' || after[1] != '\n') {
                throw malformed();
            }
            String disposition = null;
            String contentType = null;
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw malformed();
                }
                String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (header.equals("content-disposition")) {
                    disposition = value;
                } else if (header.equals("content-type")) {
                    contentType = value;
                }
            }
            if (disposition == null) {
                throw malformed();
            }
            Matcher name = NAME.matcher(disposition);
            if (!name.find()) {
                throw malformed();
            }
            Matcher filename = FILENAME.matcher(disposition);
            return Optional.of(new Part(
                    name.group(1), filename.find() ? filename.group(1) : null, contentType, new PartContent()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the form", e);
        }
    }

    private static OssException malformed() {
        return new OssException(OssError.MALFORMED_POST_REQUEST);
    }

    /**
     * The form ended before its closing boundary, or the request body under it was cut short: a
     * form received incomplete is MalformedPOSTRequest to OSS (troubleshooting page 0006-00000104).
     */
    private static RequestBodyException cutShort(@Nullable IOException cause) {
        return new RequestBodyException(
                OssError.MALFORMED_POST_REQUEST, OssError.MALFORMED_POST_REQUEST.defaultMessage(), cause);
    }

    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            return true;
        }
        int n;
        try {
            n = in.read(buf, limit, buf.length - limit);
        } catch (RequestBodyException e) {
            if (e.error() != OssError.INCOMPLETE_BODY) {
                throw e;
            }
            throw cutShort(e);
        }
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private byte[] readExactly(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                throw cutShort(null);
            }
        }
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** A header line in ISO-8859-1 bytes decoded as UTF-8 (browsers send UTF-8 file names). */
    private String readLine() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        while (true) {
            if (pos == limit && !fill()) {
                throw cutShort(null);
            }
            byte b = buf[pos++];
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_HEADER_LINE) {
                throw malformed();
            }
            line.write(b);
        }
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = pos; i <= limit - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The bytes of the current part, up to the next delimiter, which it consumes. */
    private final class PartContent extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                int at = indexOfDelimiter();
                if (at == pos) {
                    pos += delimiter.length;
                    done = true;
                    return -1;
                }
                // Bytes before a found delimiter, or all but a tail that could begin one, are content.
                int available = at >= 0 ? at - pos : limit - pos - (delimiter.length - 1);
                if (available > 0) {
                    int n = Math.min(len, available);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (!fill()) {
                    throw cutShort(null);
                }
            }
        }
    }
}
