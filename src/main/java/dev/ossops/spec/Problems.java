package dev.ossops.spec;

import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.Node;

import java.util.ArrayList;
import java.util.Comparator;
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
        list.sort(Comparator.comparing((Problem p) -> p.location().file())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()));
        return List.copyOf(list);
    }
}
