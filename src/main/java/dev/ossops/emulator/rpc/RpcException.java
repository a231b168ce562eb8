package dev.ossops.emulator.rpc;

/**
 * An RPC error answer: the service's error code, HTTP status and message exactly as the real
 * API returns them. Services throw it; {@link RpcHandler} renders it.
 */
public final class RpcException extends RuntimeException {
    private final int status;
    private final String code;

    public RpcException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
