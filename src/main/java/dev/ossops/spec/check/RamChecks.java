package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.SystemPolicies;
import dev.ossops.spec.schema.Redaction;
import dev.ossops.spec.schema.Suggestions;
import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.util.ArrayList;
import java.util.List;

/** RAM policies need one source of truth; roles and users only attach policies that exist. */
final class RamChecks {

    private final CheckContext context;
    private final PolicyChecks policies;

    RamChecks(CheckContext context) {
        this.context = context;
        this.policies = new PolicyChecks(context);
    }

    void check(MapNode ram, boolean hasUploader) {
        List<String> defined = context.names(ram, "policies");
        context.forEachMap(ram, "policies", "ram.policies", (policy, path) -> {
            boolean document = policy.has("document");
            boolean generate = policy.has("generate");
            if (document == generate) {
                context.problems()
                        .error(
                                ProblemCode.RAM,
                                policy,
                                path,
                                "set exactly one of document (a policy file or inline policy) "
                                        + "or generate: uploader");
            }
            policy.get("document")
                    .ifPresent(d -> policies.check(d, PropertyPath.key(path, "document"), PolicyChecks.Use.IDENTITY));
            if (generate && !hasUploader) {
                context.problems()
                        .error(
                                ProblemCode.RAM,
                                policy.get("generate").orElseThrow(),
                                PropertyPath.key(path, "generate"),
                                "generate: uploader needs an uploader section in this profile");
            }
        });
        context.forEachMap(ram, "roles", "ram.roles", (role, path) -> {
            role.get("trust")
                    .ifPresent(t -> policies.check(t, PropertyPath.key(path, "trust"), PolicyChecks.Use.TRUST));
            checkAttached(role, path, defined);
        });
        context.forEachMap(ram, "users", "ram.users", (user, path) -> checkAttached(user, path, defined));
    }

    private void checkAttached(MapNode principal, String path, List<String> defined) {
        Node list = principal.get("policies").orElse(null);
        if (!(list instanceof ListNode attached)) {
            return;
        }
        List<String> known = new ArrayList<>(defined);
        known.addAll(SystemPolicies.NAMES);
        for (int i = 0; i < attached.items().size(); i++) {
            Node item = attached.items().get(i);
            String itemPath = PropertyPath.index(PropertyPath.key(path, "policies"), i);
            item.asString()
                    .filter(name -> !known.contains(name))
                    .ifPresent(name -> context.problems()
                            .error(
                                    ProblemCode.RAM,
                                    item,
                                    itemPath,
                                    "policy " + Redaction.quote(name)
                                            + " is neither defined under ram.policies nor a known system policy"
                                            + Suggestions.closest(name, known)
                                                    .map(s -> " (did you mean '" + s + "'?)")
                                                    .orElse("")));
        }
    }
}
