package dev.ossops.apply;

/** The families of resources a profile manages, each read by its own live source and changed by its own steps. */
public enum Family {
    BUCKETS("buckets"),
    RAM("ram"),
    CDN("cdn");

    private final String key;

    Family(String key) {
        this.key = key;
    }

    /** The profile key the family lives under. */
    public String key() {
        return key;
    }
}
