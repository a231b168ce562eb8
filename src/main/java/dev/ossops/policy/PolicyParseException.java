package dev.ossops.policy;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/**
 * A policy document that is not valid JSON or not a valid policy. The message starts with the
 * path of the offending element ({@code Statement[1].Effect}) and says what is accepted.
 */
public final class PolicyParseException extends OssopsException {
    private static final long serialVersionUID = 1L;

    private final String path;

    PolicyParseException(String path, String problem) {
        super(ErrorCode.POLICY_INVALID, path.isEmpty() ? problem : path + ": " + problem);
        this.path = path;
    }

    PolicyParseException(String problem, Throwable cause) {
        super(ErrorCode.POLICY_INVALID, problem, cause);
        this.path = "";
    }

    /** The element at fault, e.g. {@code Statement[0].Condition.IpAddress.acs:SourceIp[1]}; empty for the whole document. */
    public String path() {
        return path;
    }
}
