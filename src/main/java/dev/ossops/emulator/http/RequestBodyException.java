package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body that could not be read to its end: cut short, stalled, or malformed on the wire.
 * It travels as an {@link IOException} through whatever was reading the body (the store, the form
 * reader), and the handler answers it as the client's error it is, with the OSS code it carries,
 * instead of an internal error.
 */
final class RequestBodyException extends IOException {
    private final transient OssError error;
    private final String message;

    RequestBodyException(OssError error, String message) {
        super(message);
        this.error = error;
        this.message = message;
    }

    RequestBodyException(OssError error, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.error = error;
        this.message = message;
    }

    /** The message, never null (Throwable's own may be). */
    @Override
    public String getMessage() {
        return message;
    }

    OssException answer() {
        return new OssException(error, getMessage());
    }

    OssError error() {
        return error;
    }

    /** The failure of the request body that caused {@code e}, if that is what happened. */
    static Optional<RequestBodyException> causing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyException body) {
                return Optional.of(body);
            }
        }
        return Optional.empty();
    }
}
