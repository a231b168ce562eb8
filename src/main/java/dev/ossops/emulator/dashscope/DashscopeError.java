package dev.ossops.emulator.dashscope;

/**
 * The DashScope errors the policy endpoint answers, as {@code {"code", "message", "request_id"}}
 * JSON. Codes and messages follow DashScope's documented answers (InvalidApiKey's message is the
 * one its clients report; Throttling.RateQuota's is on the temporary-storage page).
 */
public enum DashscopeError {
    INVALID_API_KEY(401, "InvalidApiKey", "Invalid API-key provided."),
    MISSING_MODEL(400, "InvalidParameter", "Required parameter 'model' missing."),
    MODEL_NOT_FOUND(400, "InvalidParameter", "Model not exist."),
    THROTTLED(429, "Throttling.RateQuota", "Requests rate limit exceeded, please try again later.");

    private final int status;
    private final String code;
    private final String message;

    DashscopeError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
