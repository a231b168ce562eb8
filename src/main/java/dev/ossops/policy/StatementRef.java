package dev.ossops.policy;

/** Points at one statement: which policy and its index. */
public record StatementRef(PolicyType type, String policyName, int index) {
    /** E.g. {@code identity policy "AppOSS" Statement[0]}. */
    public String describe() {
        return type.label() + " \"" + policyName + "\" Statement[" + index + "]";
    }
}
