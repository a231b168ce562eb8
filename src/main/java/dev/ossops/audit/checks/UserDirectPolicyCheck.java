package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.RamState;
import dev.ossops.audit.Severity;
import dev.ossops.spec.tree.PropertyPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policies attached to RAM users directly rather than through a group or role (CIS 1.16). */
final class UserDirectPolicyCheck extends RamCheck {
    static final CheckRule RULE = new CheckRule(
            "RAM-USER-DIRECT-POLICY",
            Severity.LOW,
            "Policies attached directly to a RAM user",
            "Permissions attached to individual users drift and are hard to review or hand over. Attach policies to "
                    + "groups or to roles the users assume.",
            Optional.of("1.16"),
            Optional.of("ram-user-no-policy-check"));

    UserDirectPolicyCheck() {
        super(RULE);
    }

    @Override
    void evaluate(RamState ram, AuditSnapshot snapshot, Results results) {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        ram.attachments().stream()
                .filter(a -> a.principalKind() == RamState.PrincipalKind.USER)
                .forEach(a -> byUser.computeIfAbsent(a.principal(), u -> new ArrayList<>())
                        .add(a.policyName()));
        byUser.forEach((user, policies) -> {
            String path = PropertyPath.key("ram.users", user);
            String property = PropertyPath.key(path, "policies");
            results.finding(
                    "ram:user/" + user,
                    path,
                    "RAM user " + user + " has policies attached directly: " + String.join(", ", policies),
                    new Evidence(property, "[" + String.join(", ", policies) + "]", "[] (permissions through a role)"),
                    "move the policies to a role in ram.roles that " + user + " assumes, set " + property
                            + ": [], then run ossops plan");
        });
    }
}
