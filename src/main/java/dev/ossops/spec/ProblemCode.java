package dev.ossops.spec;

/**
 * The stable kind of a {@link Problem}, for {@code validate --format json} users who match codes rather than message
 * text. Structural problems have one code per kind; the semantic checks have one per area of the profile. An id never
 * changes meaning once released. docs/errors.md lists every code (a test keeps the two in step).
 */
public enum ProblemCode {
    /** The profile, or a file it references, is missing, a directory or unreadable. */
    FILE("profile.file"),
    /** A file is not valid YAML or JSON (or is empty, or repeats a key). */
    SYNTAX("profile.syntax"),
    /** A key the schema does not know, or one it refuses with a reason. */
    UNKNOWN_KEY("profile.unknown_key"),
    /** A required key is missing. */
    MISSING_KEY("profile.missing_key"),
    /** Two keys that cannot both be set. */
    CONFLICTING_KEYS("profile.conflicting_keys"),
    /** A value of the wrong kind (a list where a map belongs, a string where a number belongs). */
    TYPE("profile.type"),
    /** A value of the right kind that is not allowed: not one of the choices, out of range, a bad format. */
    VALUE("profile.value"),
    /** A list or map with too many or too few items. */
    SIZE("profile.size"),
    /** A combination of top-level settings (endpoint, emulator, serve, uploader) that cannot work. */
    SETTINGS("profile.settings"),
    /** A bucket's settings that cannot work together. */
    BUCKET("profile.bucket"),
    /** A lifecycle rule that cannot work or that OSS would refuse. */
    LIFECYCLE("profile.lifecycle"),
    /** A policy document that is not a valid policy or grants more than it seems to. */
    POLICY("profile.policy"),
    /** A RAM user, role or policy that is inconsistent or references what does not exist. */
    RAM("profile.ram"),
    /** A CDN domain or origin that cannot work. */
    CDN("profile.cdn"),
    /** An access assertion that cannot be checked as written. */
    ACCESS("profile.access");

    private final String id;

    ProblemCode(String id) {
        this.id = id;
    }

    /** The stable id, e.g. {@code profile.unknown_key}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
