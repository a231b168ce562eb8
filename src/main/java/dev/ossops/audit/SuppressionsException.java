package dev.ossops.audit;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

import java.util.List;

/** An ignore file that cannot be used; every problem is {@code file:line:column: path: message}. */
public final class SuppressionsException extends OssopsException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SuppressionsException(List<String> problems) {
        super(ErrorCode.SUPPRESSIONS_INVALID, String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
