package dev.ossops.spec;

import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.PropertyPath;

import java.util.Objects;

/**
 * One finding about a profile or a document it references, always with its stable code, its place and property path.
 */
public record Problem(Severity severity, ProblemCode code, Location location, String path, String message) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code FILE:LINE:COL: error: PROPERTY.PATH: MESSAGE}, the compiler-style line editors can jump to. */
    public String format() {
        return location + ": " + severity.label() + ": " + PropertyPath.display(path) + ": " + message;
    }

    @Override
    public String toString() {
        return format();
    }
}
