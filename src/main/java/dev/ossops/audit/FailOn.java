package dev.ossops.audit;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/** The {@code --fail-on} threshold: findings at or above it fail the audit; NONE never fails on findings. */
public enum FailOn {
    CRITICAL(Severity.CRITICAL),
    HIGH(Severity.HIGH),
    MEDIUM(Severity.MEDIUM),
    LOW(Severity.LOW),
    NONE(null);

    private final @Nullable Severity threshold;

    FailOn(@Nullable Severity threshold) {
        this.threshold = threshold;
    }

    /** INFO findings never fail: they describe, they do not warn. */
    public boolean fails(Severity severity) {
        return threshold != null && severity != Severity.INFO && severity.atLeast(threshold);
    }

    /** Parses the option's value (any case); empty when it is not one of the names. */
    public static Optional<FailOn> parse(String value) {
        for (FailOn f : values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
