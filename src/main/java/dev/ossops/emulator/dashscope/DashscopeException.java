package dev.ossops.emulator.dashscope;

/** A refused policy request; the front renders it as DashScope's JSON error. */
public final class DashscopeException extends RuntimeException {
    private final DashscopeError error;

    public DashscopeException(DashscopeError error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public DashscopeError error() {
        return error;
    }
}
