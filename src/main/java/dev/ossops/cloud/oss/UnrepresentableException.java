package dev.ossops.cloud.oss;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/**
 * Live content that the profile model cannot express (a lifecycle size filter, an ACL with explicit grants, ...).
 * The live reader turns it into an unrepresentable observation, so apply never overwrites what it cannot show.
 */
public final class UnrepresentableException extends OssopsException {

    public UnrepresentableException(String detail) {
        super(ErrorCode.LIVE_UNREPRESENTABLE, detail);
    }
}
