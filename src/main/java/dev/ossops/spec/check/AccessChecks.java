package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;

/**
 * Access assertions: one kind of principal each, role-only and CDN-only settings only where they mean something,
 * OSS actions without wildcards (an assertion speaks of each action it names; whether the action exists and fits
 * the resource is decided where OSS actions are known, at plan and audit time).
 */
final class AccessChecks {
    private static final List<String> PRINCIPAL_KINDS = List.of("anonymous", "ramUser", "role", "account");

    private final CheckContext context;

    AccessChecks(CheckContext context) {
        this.context = context;
    }

    void check(MapNode profile) {
        context.forEachMap(profile, "access", "access", (assertion, path) -> {
            context.map(assertion, "principal").ifPresent(p -> checkPrincipal(p, PropertyPath.key(path, "principal")));
            assertion
                    .get("signedUrl")
                    .filter(s -> !assertion.has("viaCdnDomain"))
                    .ifPresent(s -> context.problems()
                            .error(
                                    ProblemCode.ACCESS,
                                    s,
                                    PropertyPath.key(path, "signedUrl"),
                                    "signedUrl only applies with viaCdnDomain"));
            assertion.get("actions").ifPresent(actions -> {
                List<Node> items = actions.asItems();
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    String itemPath = PropertyPath.index(PropertyPath.key(path, "actions"), i);
                    item.asString()
                            .filter(a -> !a.startsWith("oss:") || a.contains("*"))
                            .ifPresent(a -> context.problems()
                                    .error(
                                            ProblemCode.ACCESS,
                                            item,
                                            itemPath,
                                            "name one OSS action such as oss:GetObject, without wildcards: an "
                                                    + "assertion is checked for each action it names"));
                }
            });
        });
    }

    private void checkPrincipal(MapNode principal, String path) {
        List<String> kinds = PRINCIPAL_KINDS.stream().filter(principal::has).toList();
        if (kinds.size() != 1) {
            context.problems()
                    .error(
                            ProblemCode.ACCESS,
                            principal,
                            path,
                            "set exactly one of anonymous, ramUser, role or account; found "
                                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
        }
        principal
                .get("anonymous")
                .filter(a -> a.asBoolean().filter(b -> !b).isPresent())
                .ifPresent(a -> context.problems()
                        .error(
                                ProblemCode.ACCESS,
                                a,
                                PropertyPath.key(path, "anonymous"),
                                "anonymous: false says nothing; name the principal instead"));
        for (String roleOnly : List.of("sessionPolicy", "sessionName")) {
            principal
                    .get(roleOnly)
                    .filter(v -> !principal.has("role"))
                    .ifPresent(v -> context.problems()
                            .error(
                                    ProblemCode.ACCESS,
                                    v,
                                    PropertyPath.key(path, roleOnly),
                                    roleOnly + " only applies to a role"));
        }
        principal
                .get("sessionPolicy")
                .ifPresent(policy -> new PolicyChecks(context)
                        .check(policy, PropertyPath.key(path, "sessionPolicy"), PolicyChecks.Use.IDENTITY));
        principal
                .get("account")
                .flatMap(Node::asString)
                .filter(a -> !a.equals("self") && !a.matches("[0-9]{16}"))
                .ifPresent(a -> context.problems()
                        .error(
                                ProblemCode.ACCESS,
                                principal.get("account").orElseThrow(),
                                PropertyPath.key(path, "account"),
                                "use a 16-digit account id or self"));
    }
}
