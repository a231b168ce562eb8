package dev.ossops.audit;

/** What one check says about one resource: a {@link Finding}, or {@link Unknown} when its inputs could not be read. */
public sealed interface CheckResult permits Finding, Unknown {
    CheckRule rule();

    String resource();
}
