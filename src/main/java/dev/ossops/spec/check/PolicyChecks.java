package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.schema.DocumentResolver.Document;
import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;
import java.util.Optional;

/** What RAM and OSS require of a policy beyond its shape; the rules differ for identity, bucket and trust policies. */
final class PolicyChecks {

    /** Where a policy is used decides which elements it needs. */
    enum Use {
        /** Attached to RAM users and roles: Action and Resource, no Principal. */
        IDENTITY,
        /** An OSS bucket policy: Principal, Action and Resource. */
        BUCKET,
        /** A role's trust policy: Principal {RAM | Service | Federated} allowed sts:AssumeRole. */
        TRUST
    }

    private final CheckContext context;

    PolicyChecks(CheckContext context) {
        this.context = context;
    }

    void check(Node value, String path, Use use) {
        Optional<Document> document = context.documents().resolve(value, path);
        if (document.isEmpty() || !(document.get().root() instanceof MapNode root)) {
            return;
        }
        Optional<Node> statements = root.get("Statement");
        if (statements.isEmpty()) {
            return;
        }
        String listPath = PropertyPath.key(document.get().basePath(), "Statement");
        List<Node> items = statements.get().asItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof MapNode statement) {
                String statementPath =
                        statements.get() instanceof ListNode ? PropertyPath.index(listPath, i) : listPath;
                checkStatement(statement, statementPath, use);
            }
        }
    }

    private void checkStatement(MapNode statement, String path, Use use) {
        oneOf(statement, path, "Action", "NotAction");
        if (use == Use.TRUST) {
            checkTrust(statement, path);
            return;
        }
        oneOf(statement, path, "Resource", "NotResource");
        if (use == Use.BUCKET && !statement.has("Principal")) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            statement,
                            path,
                            "a bucket policy statement needs Principal: the account ids, "
                                    + "RAM users or roles it applies to (\"*\" for anyone)");
        }
        if (use == Use.BUCKET) {
            checkSourceIpHasSourceVpc(statement, path);
        }
        if (use == Use.IDENTITY && statement.has("Principal")) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            statement.get("Principal").orElseThrow(),
                            PropertyPath.key(path, "Principal"),
                            "a RAM policy attached to users and roles has no Principal; it applies to whoever it is attached to");
        }
    }

    /**
     * PutBucketPolicy refuses a statement that conditions on acs:SourceIp without acs:SourceVpc
     * (OSS error 0030-00000008): an address alone cannot tell a public IP from the same one inside a VPC.
     */
    private void checkSourceIpHasSourceVpc(MapNode statement, String path) {
        if (!(statement.get("Condition").orElse(null) instanceof MapNode condition)) {
            return;
        }
        Optional<MapNode.Entry> sourceIp = Optional.empty();
        boolean sourceVpc = false;
        for (MapNode.Entry operator : condition.entries().values()) {
            if (operator.value() instanceof MapNode keys) {
                for (MapNode.Entry key : keys.entries().values()) {
                    if (key.key().equalsIgnoreCase("acs:SourceIp") && sourceIp.isEmpty()) {
                        sourceIp = Optional.of(key);
                    }
                    sourceVpc |= key.key().equalsIgnoreCase("acs:SourceVpc");
                }
            }
        }
        if (sourceIp.isPresent() && !sourceVpc) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            sourceIp.get().value(),
                            PropertyPath.key(path, "Condition"),
                            "OSS refuses a bucket policy that conditions on acs:SourceIp without acs:SourceVpc (error 0030-00000008); "
                                    + "for public addresses add StringNotLike: {acs:SourceVpc: [\"vpc-*\"]}, for a VPC add StringEquals: "
                                    + "{acs:SourceVpc: [\"vpc-...\"]}");
        }
    }

    private void checkTrust(MapNode statement, String path) {
        Optional<Node> principal = statement.get("Principal");
        if (principal.isEmpty()) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            statement,
                            path,
                            "a trust policy statement needs Principal with RAM, Service or "
                                    + "Federated: who may assume the role");
        } else if (!(principal.get() instanceof MapNode map) || map.isEmpty()) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            principal.get(),
                            PropertyPath.key(path, "Principal"),
                            "a trust policy Principal is a map "
                                    + "with RAM, Service or Federated, e.g. {\"Service\": [\"ecs.aliyuncs.com\"]}");
        }
        Optional<Node> action = statement.get("Action");
        if (action.isPresent()
                && action.get().asItems().stream()
                        .noneMatch(a -> a.asString()
                                .filter(s -> s.startsWith("sts:AssumeRole"))
                                .isPresent())) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            action.get(),
                            PropertyPath.key(path, "Action"),
                            "a trust policy allows "
                                    + "sts:AssumeRole (or sts:AssumeRoleWithSAML / sts:AssumeRoleWithOIDC)");
        }
        if (statement.has("Resource")) {
            context.problems()
                    .error(
                            ProblemCode.POLICY,
                            statement.get("Resource").orElseThrow(),
                            PropertyPath.key(path, "Resource"),
                            "a trust policy has no Resource: the role itself is the resource");
        }
    }

    private void oneOf(MapNode statement, String path, String key, String notKey) {
        if (statement.has(key) == statement.has(notKey)) {
            context.problems()
                    .error(ProblemCode.POLICY, statement, path, "set exactly one of " + key + " or " + notKey);
        }
    }
}
