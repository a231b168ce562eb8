package dev.ossops.policy;

/** The Effect of a statement, spelled in documents exactly as {@code Allow} or {@code Deny}. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling in a policy document. */
    public String json() {
        return json;
    }
}
