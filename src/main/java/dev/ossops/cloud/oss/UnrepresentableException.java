package dev.ossops.cloud.oss;

/**
 * Live content that the profile model cannot express (a lifecycle size filter, an ACL with explicit grants, ...).
 * The live reader turns it into an unrepresentable observation, so apply never overwrites what it cannot show.
 */
public final class UnrepresentableException extends RuntimeException {

    public UnrepresentableException(String detail) {
        super(detail);
    }
}
