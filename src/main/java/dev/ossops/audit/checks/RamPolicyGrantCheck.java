package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.audit.Severity;
import dev.ossops.policy.BroadGrant;
import dev.ossops.policy.PolicyAudit;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyType;
import dev.ossops.spec.tree.PropertyPath;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Custom RAM policies, attached to a user or role, that make broad grants ({@link PolicyAudit#grantsBroadAccess}):
 * unlike scanners that only match {@code Action "*"}, {@code oss:*} on {@code *} and equivalent NotAction forms count.
 */
abstract class RamPolicyGrantCheck extends RamCheck {
    private final Set<BroadGrant.Kind> kinds;

    RamPolicyGrantCheck(CheckRule rule, Set<BroadGrant.Kind> kinds) {
        super(rule);
        this.kinds = kinds;
    }

    @Override
    void evaluate(RamState ram, AuditSnapshot snapshot, Results results) {
        Map<String, List<String>> attachedTo = new LinkedHashMap<>();
        ram.attachments().stream()
                .filter(a -> a.policyKind() == RamState.PolicyKind.CUSTOM)
                .forEach(a -> attachedTo
                        .computeIfAbsent(a.policyName(), n -> new ArrayList<>())
                        .add(a.principalKind().label() + " " + a.principal()));
        attachedTo.forEach((name, principals) -> {
            String resource = "ram:policy/" + name;
            Optional<RamState.RamPolicy> policy = ram.policy(name, RamState.PolicyKind.CUSTOM);
            if (policy.isEmpty()) {
                results.unknown(
                        resource,
                        "the policy is attached to " + String.join(", ", principals)
                                + " but was not among the policies read");
                return;
            }
            if (results.unreadable(resource, "the policy document", policy.get().document())) {
                return;
            }
            Observed<PolicyDocument> document =
                    Exposure.parse(policy.get().document().value().orElseThrow(), PolicyType.IDENTITY);
            if (results.unreadable(resource, "the policy document", document)) {
                return;
            }
            List<BroadGrant> grants = PolicyAudit.grantsBroadAccess(
                            document.value().orElseThrow(), name)
                    .stream()
                    .filter(g -> kinds.contains(g.kind()))
                    .toList();
            if (grants.isEmpty()) {
                return;
            }
            String what = grants.stream()
                    .map(g -> g.statement().describe() + " allows " + describe(g.kind())
                            + (g.conditional() ? " (under a condition)" : ""))
                    .collect(Collectors.joining("; "));
            String property = PropertyPath.key(PropertyPath.key("ram.policies", name), "document");
            results.finding(
                    resource,
                    PropertyPath.key("ram.policies", name),
                    "custom policy " + name + " attached to " + String.join(", ", principals) + ": " + what,
                    new Evidence(
                            property,
                            grants.stream()
                                    .map(g -> describe(g.kind()))
                                    .distinct()
                                    .collect(Collectors.joining(", ")),
                            "actions and resources limited to what is needed"),
                    "narrow " + property + " to the actions and resources the principals need (ossops can generate an "
                            + "uploader policy with generate: uploader), then run ossops plan");
        });
    }

    private static String describe(BroadGrant.Kind kind) {
        return switch (kind) {
            case ALL_ACTIONS -> "* on *";
            case OSS_FULL -> "oss:* on every OSS resource";
            case RAM_FULL -> "ram:* on every RAM resource";
            case ASSUME_ANY_ROLE -> "sts:AssumeRole on every role";
        };
    }

    static final class FullAccess extends RamPolicyGrantCheck {
        static final CheckRule RULE = new CheckRule(
                "RAM-POLICY-FULL-ACCESS",
                Severity.HIGH,
                "RAM policy grants every action, or every OSS action, on everything",
                "A custom policy allowing * or oss:* on * gives whoever holds it every bucket and object of the "
                        + "account, including deleting them and making them public. Grant only the actions and "
                        + "buckets needed.",
                Optional.of("1.15"),
                Optional.of("ram-policy-no-statements-with-admin-access-check"));

        FullAccess() {
            super(RULE, EnumSet.of(BroadGrant.Kind.ALL_ACTIONS, BroadGrant.Kind.OSS_FULL));
        }
    }

    static final class PrivilegeEscalation extends RamPolicyGrantCheck {
        static final CheckRule RULE = new CheckRule(
                "RAM-POLICY-PRIVILEGE-ESCALATION",
                Severity.HIGH,
                "RAM policy can manage RAM or assume any role",
                "ram:* on * lets the holder grant itself anything; sts:AssumeRole on every role lets it become any "
                        + "role that trusts the account. Both amount to administrator access.",
                Optional.empty(),
                Optional.empty());

        PrivilegeEscalation() {
            super(RULE, EnumSet.of(BroadGrant.Kind.RAM_FULL, BroadGrant.Kind.ASSUME_ANY_ROLE));
        }
    }
}
