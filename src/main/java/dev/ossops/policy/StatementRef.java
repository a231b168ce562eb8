package dev.ossops.policy;

import java.util.Optional;

/** Points at one statement: which policy, its index and Sid. */
public record StatementRef(PolicyType type, String policyName, int index, Optional<String> sid) {
    /** E.g. {@code identity policy "AppOSS" Statement[0]} or {@code ... Statement[1] (Sid "DenyHttp")}. */
    public String describe() {
        return type.label() + " \"" + policyName + "\" Statement[" + index + "]"
                + sid.map(s -> " (Sid \"" + s + "\")").orElse("");
    }
}
