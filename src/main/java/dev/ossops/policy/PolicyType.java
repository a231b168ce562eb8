package dev.ossops.policy;

/** What a policy document is for; decides which elements the parser requires and where the evaluator applies it. */
public enum PolicyType {
    /** A RAM policy attached to a user or role: no Principal. */
    IDENTITY("identity policy"),
    /** The policy passed to AssumeRole: same grammar as an identity policy, limits the role's permissions. */
    SESSION("session policy"),
    /** A bucket policy: Principal required (an empty list means everyone, as OSS documents). */
    BUCKET("bucket policy"),
    /** A role's AssumeRolePolicyDocument: Principal as {"RAM"|"Service"|"Federated": [...]}, Resource optional. */
    TRUST("trust policy");

    private final String label;

    PolicyType(String label) {
        this.label = label;
    }

    /** Lower-case name for messages ("bucket policy"). */
    public String label() {
        return label;
    }
}
