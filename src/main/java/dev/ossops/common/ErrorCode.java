package dev.ossops.common;

/**
 * The stable id of every error ossops itself raises, for scripts and CI that match codes rather than message text.
 * An id never changes meaning once released; a new kind of error gets a new constant. docs/errors.md lists every code
 * with its meaning and exit status (a test keeps the two in step).
 */
public enum ErrorCode {
    /** The command line is wrong: an unknown option or subcommand, a missing or malformed value. */
    USAGE("cli.usage", Category.INPUT),
    /** A profile cannot be used (it does not load, or it has errors); the message lists why. */
    PROFILE_INVALID("profile.invalid", Category.INPUT),
    /** A policy document is not JSON or not a valid policy; the message starts with the element at fault. */
    POLICY_INVALID("policy.invalid", Category.INPUT),
    /** A saved plan file cannot be used (unreadable, stale, for another profile or version). */
    PLAN_FILE_INVALID("plan.file_invalid", Category.INPUT),
    /** An audit ignore file cannot be used; every problem has its file, line and column. */
    SUPPRESSIONS_INVALID("audit.suppressions_invalid", Category.INPUT),
    /** {@code audit --fix} cannot write the files it would fix. */
    AUDIT_FIX_UNWRITABLE("audit.fix_unwritable", Category.INPUT),
    /** The export's output directory cannot be written as asked. */
    EXPORT_TARGET_UNWRITABLE("export.target_unwritable", Category.INPUT),
    /** A file ossops was asked to read or write cannot be used; the message names it and says why. */
    FILE_UNUSABLE("file.unusable", Category.INPUT),
    /** The uploader refuses the request: bad settings, a key OSS would reject, a file against the upload rules. */
    UPLOAD_REJECTED("upload.rejected", Category.INPUT),
    /** {@code serve} refuses a request or cannot start with its settings; carries an HTTP status. */
    SERVE_REFUSED("serve.refused", Category.INPUT),
    /** A cloud call failed for good (after retries); the service's own code is kept beside this one. */
    CLOUD_REQUEST_FAILED("cloud.request_failed", Category.CLOUD),
    /** A remote call of an upload or download failed for good; it says whether a rerun may resume. */
    TRANSFER_FAILED("cloud.transfer_failed", Category.CLOUD),
    /** Live configuration the profile model cannot express; apply leaves such a resource alone. */
    LIVE_UNREPRESENTABLE("cloud.unrepresentable", Category.CLOUD),
    /** No credentials could be resolved; the message says from where they were looked for. */
    CREDENTIALS_UNRESOLVED("credentials.unresolved", Category.CREDENTIALS),
    /** The apply lock could not be taken or broken (another run holds it). */
    LOCK_UNAVAILABLE("lock.unavailable", Category.CONFLICT),
    /** Another emulator serves the data dir. */
    DATA_DIR_IN_USE("emulator.data_dir_in_use", Category.CONFLICT),
    /** Anything else: an error ossops has no explanation for, i.e. a bug; {@code --stacktrace} shows where. */
    INTERNAL("internal.unexpected", Category.INTERNAL);

    /** What kind of failure a code is; it decides the exit status and whether a stack trace is worth offering. */
    public enum Category {
        /** The command line, a profile, a plan or another input file is wrong: fix the input. */
        INPUT,
        /** The cloud (or the emulator) refused or failed a call. */
        CLOUD,
        /** No usable credentials. */
        CREDENTIALS,
        /** Something else holds what the command needs (a lock, a data dir): wait or break it. */
        CONFLICT,
        /** A bug. */
        INTERNAL
    }

    private final String id;
    private final Category category;

    ErrorCode(String id, Category category) {
        this.id = id;
        this.category = category;
    }

    /** The stable id, e.g. {@code cloud.request_failed}. */
    public String id() {
        return id;
    }

    public Category category() {
        return category;
    }

    /** Whether this is an error ossops explains (anything but a bug). */
    public boolean expected() {
        return category != Category.INTERNAL;
    }

    @Override
    public String toString() {
        return id;
    }
}
