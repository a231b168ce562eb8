package dev.ossops.audit.checks;

import dev.ossops.audit.CheckResult;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Unknown;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects one check's results while it walks the snapshot. */
final class Results {
    private final CheckRule rule;
    private final List<CheckResult> results = new ArrayList<>();

    Results(CheckRule rule) {
        this.rule = rule;
    }

    void finding(
            String resource,
            @Nullable String profilePath,
            String message,
            Evidence evidence,
            String remediation,
            ProfileChange... changes) {
        results.add(new Finding(
                rule, resource, Optional.ofNullable(profilePath), message, evidence, remediation, List.of(changes)));
    }

    void unknown(String resource, String reason) {
        results.add(new Unknown(rule, resource, reason));
    }

    /** Records an unknown and returns true when {@code input} (named {@code what}) could not be read. */
    boolean unreadable(String resource, String what, Observed<?> input) {
        Optional<String> reason = input.unreadableReason();
        reason.ifPresent(r -> unknown(resource, what + " could not be read: " + r));
        return reason.isPresent();
    }

    List<CheckResult> list() {
        return List.copyOf(results);
    }
}
