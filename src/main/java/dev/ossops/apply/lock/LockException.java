package dev.ossops.apply.lock;

/** The lock could not be taken or broken; the message says why and what to do. */
public final class LockException extends RuntimeException {
    public LockException(String message) {
        super(message);
    }
}
