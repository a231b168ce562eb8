package dev.ossops.spec;

import java.util.Locale;

/** Errors make a profile unusable; warnings flag legal but likely mistakes. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed in {@code FILE:LINE:COL: error: ...}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
