package dev.ossops.policy;

import java.util.List;

/**
 * The value of Action/NotAction or Resource/NotResource: patterns with {@code *} and {@code ?}.
 * {@code negated} is true for the Not- form, which matches everything the patterns do not.
 */
public record Patterns(List<String> values, boolean negated) {
    public Patterns {
        values = List.copyOf(values);
    }

    /** Whether any pattern matches {@code value}; Not- forms invert the answer. */
    public boolean matches(String value, boolean ignoreCase) {
        boolean any = values.stream().anyMatch(p -> Wildcards.matches(p, value, ignoreCase));
        return any != negated;
    }
}
