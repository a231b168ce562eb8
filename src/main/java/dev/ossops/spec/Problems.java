package dev.ossops.spec;

import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems of one load; a file referenced twice is checked twice, so equal problems are kept once. */
public final class Problems {

    private final Set<Problem> problems = new LinkedHashSet<>();

    public void error(ProblemCode code, Location location, String path, String message) {
        problems.add(new Problem(Severity.ERROR, code, location, path, message));
    }

    public void error(ProblemCode code, Node node, String path, String message) {
        error(code, node.location(), path, message);
    }

    public void warning(ProblemCode code, Node node, String path, String message) {
        problems.add(new Problem(Severity.WARNING, code, node.location(), path, message));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** Sorted by file, line and column so output reads top to bottom. */
    public List<Problem> sorted() {
        List<Problem> list = new ArrayList<>(problems);
        list.sort(Problems::byPosition);
        return List.copyOf(list);
    }

    // Not Comparator.comparing(..).thenComparingInt(..): the JDK makes those serializable lambdas,
    // which Java 17's AppCDS archive does not hold, so every validate would generate their classes.
    private static int byPosition(Problem a, Problem b) {
        Location x = a.location();
        Location y = b.location();
        int byFile = x.file().compareTo(y.file());
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(x.line(), y.line());
        return byLine != 0 ? byLine : Integer.compare(x.column(), y.column());
    }
}
