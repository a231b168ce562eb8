package dev.ossops.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The questions {@code audit} asks of policy documents. */
public final class PolicyAudit {
    private PolicyAudit() {}

    /**
     * Which OSS actions anonymous callers may perform on {@code bucket} and its objects. An Allow
     * statement with Principal "*" counts unless a condition pins it to callers anonymous
     * requests from the internet cannot be: {@code IpAddress} on {@code acs:SourceIp} without
     * 0.0.0.0/0 or ::/0, a positive string match on {@code acs:SourceVpc} other than "*", or a
     * positive string match on {@code acs:AccessId} (anonymous requests carry no AccessKey).
     * Conditions on {@code acs:SecureTransport}, {@code acs:Referer}, {@code acs:UserAgent},
     * {@code acs:CurrentTime}, {@code oss:Prefix} and the like keep it public: anyone can meet them.
     * A Deny never grants; it removes an action only when it is unconditional, names "*" and
     * covers the whole bucket (or all its objects), so partial denies still report the grant.
     */
    public static AnonymousAccess anonymousAccess(PolicyDocument bucketPolicy, String bucket) {
        if (bucketPolicy.type() != PolicyType.BUCKET) {
            throw new IllegalArgumentException("anonymous access is a question for a bucket policy, not "
                    + bucketPolicy.type().label());
        }
        Map<AccessLevel, Set<String>> granted = new EnumMap<>(AccessLevel.class);
        Set<StatementRef> refs = new LinkedHashSet<>();
        List<Statement> statements = bucketPolicy.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.effect() != Effect.ALLOW || !everyone(s) || pinned(s)) {
                continue;
            }
            for (OssAction action : OssAction.values()) {
                if (action.scope() != OssAction.Scope.SERVICE
                        && StatementMatcher.actionMatches(s, action.action())
                        && reaches(s.resources().orElseThrow(), action.scope(), bucket)
                        && !deniedToEveryone(statements, action, bucket)) {
                    granted.computeIfAbsent(action.level(), l -> new TreeSet<>())
                            .add(action.action());
                    refs.add(new StatementRef(PolicyType.BUCKET, bucket, i));
                }
            }
        }
        Map<AccessLevel, List<String>> actions = new EnumMap<>(AccessLevel.class);
        granted.forEach((level, names) -> actions.put(level, List.copyOf(names)));
        return new AnonymousAccess(actions, new ArrayList<>(refs));
    }

    /**
     * The broad grants of an identity policy. Exact semantics: an Allow statement counts for a
     * service when its actions cover every action of that service ({@code *}, {@code oss:*},
     * {@code oss:**}, or a NotAction that cannot match any of the service's actions) and its
     * resources cover every resource of it ({@code *}, {@code acs:oss:*}, {@code acs:oss:*:*:*},
     * the same with a literal account id - the policy's own account - or a NotResource that
     * excludes none of them). A partial wildcard such as {@code oss:Put*} is not broad.
     * {@code sts:AssumeRole} counts when it may assume every role ({@code acs:ram:*:*:role/*} or wider).
     * Statements allowing {@code *} on everything are reported once, as ALL_ACTIONS. Denies in
     * the same policy are not subtracted.
     */
    public static List<BroadGrant> grantsBroadAccess(PolicyDocument identityPolicy, String policyName) {
        List<BroadGrant> grants = new ArrayList<>();
        List<Statement> statements = identityPolicy.statements();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.effect() != Effect.ALLOW || s.resources().isEmpty()) {
                continue;
            }
            StatementRef ref = new StatementRef(identityPolicy.type(), policyName, i);
            boolean conditional = !s.conditions().isEmpty();
            Patterns resources = s.resources().get();
            if (coversAllActions(s.actions()) && coversAllResources(resources)) {
                grants.add(new BroadGrant(BroadGrant.Kind.ALL_ACTIONS, ref, conditional));
                continue;
            }
            if (coversService(s.actions(), "oss") && coversServiceResources(resources, "oss", "")) {
                grants.add(new BroadGrant(BroadGrant.Kind.OSS_FULL, ref, conditional));
            }
            if (coversService(s.actions(), "ram") && coversServiceResources(resources, "ram", "")) {
                grants.add(new BroadGrant(BroadGrant.Kind.RAM_FULL, ref, conditional));
            }
            if (s.actions().matches("sts:AssumeRole", true) && coversServiceResources(resources, "ram", "role/")) {
                grants.add(new BroadGrant(BroadGrant.Kind.ASSUME_ANY_ROLE, ref, conditional));
            }
        }
        return grants;
    }

    /**
     * Statements PutBucketPolicy refuses: OSS ("Bucket Policy"; error 0030-00000008) requires a
     * statement that conditions on {@code acs:SourceIp} to also condition on {@code acs:SourceVpc},
     * because an address alone cannot tell the internet from another VPC using the same range.
     * Returns the indexes of the offending statements, in order.
     */
    public static List<Integer> sourceIpWithoutSourceVpc(PolicyDocument bucketPolicy) {
        List<Integer> offending = new ArrayList<>();
        List<Statement> statements = bucketPolicy.statements();
        for (int i = 0; i < statements.size(); i++) {
            List<String> keys = statements.get(i).conditions().stream()
                    .map(c -> c.key().toLowerCase(Locale.ROOT))
                    .toList();
            if (keys.contains("acs:sourceip") && !keys.contains("acs:sourcevpc")) {
                offending.add(i);
            }
        }
        return offending;
    }

    private static boolean everyone(Statement s) {
        return s.principals().map(Principals::includesEveryone).orElse(false);
    }

    private static boolean pinned(Statement s) {
        for (Condition c : s.conditions()) {
            String key = c.key().toLowerCase(Locale.ROOT);
            boolean positiveString = c.operator() == ConditionOperator.STRING_EQUALS
                    || c.operator() == ConditionOperator.STRING_EQUALS_IGNORE_CASE
                    || c.operator() == ConditionOperator.STRING_LIKE;
            if (key.equals("acs:sourceip")
                    && c.operator() == ConditionOperator.IP_ADDRESS
                    && c.values().stream()
                            .noneMatch(v ->
                                    IpRange.parse(v).map(IpRange::isEverything).orElse(false))) {
                return true;
            }
            if (key.equals("acs:sourcevpc") && positiveString && !c.values().contains("*")) {
                return true;
            }
            if (key.equals("acs:accessid") && positiveString) {
                return true;
            }
        }
        return false;
    }

    /** Whether the resources reach the bucket (BUCKET) or at least one of its objects (OBJECT). */
    private static boolean reaches(Patterns resources, OssAction.Scope scope, String bucket) {
        boolean any = resources.values().stream()
                .anyMatch(p -> scope == OssAction.Scope.BUCKET
                        ? matchesBucket(p, bucket)
                        : relativeOf(p)
                                .map(rel -> Wildcards.canMatchSomethingStartingWith(rel, bucket + "/", false))
                                .orElseGet(() -> Wildcards.canMatchSomethingStartingWith(p, "acs:oss:", false)));
        if (!resources.negated()) {
            return any;
        }
        // NotResource: reaches unless the exclusions cover the whole scope.
        return scope == OssAction.Scope.BUCKET
                ? !any
                : resources.values().stream().noneMatch(p -> coversObjects(p, bucket));
    }

    private static boolean deniedToEveryone(List<Statement> statements, OssAction action, String bucket) {
        return statements.stream()
                .anyMatch(s -> s.effect() == Effect.DENY
                        && everyone(s)
                        && s.conditions().isEmpty()
                        && StatementMatcher.actionMatches(s, action.action())
                        && s.resources()
                                .filter(r -> !r.negated())
                                .map(r -> r.values().stream()
                                        .anyMatch(p -> action.scope() == OssAction.Scope.BUCKET
                                                ? matchesBucket(p, bucket)
                                                : coversObjects(p, bucket)))
                                .orElse(false));
    }

    /** The pattern matches the bucket's ARN, whatever the owner's account id. */
    private static boolean matchesBucket(String pattern, String bucket) {
        return Arns.segments(pattern)
                .map(p -> ossService(p) && Wildcards.matches(p[4], bucket, false))
                .orElseGet(() -> Wildcards.matches(pattern, "acs:oss:*:0:" + bucket, false));
    }

    private static boolean coversObjects(String pattern, String bucket) {
        return Arns.segments(pattern)
                .map(p -> ossService(p) && Wildcards.matchesEverythingStartingWith(p[4], bucket + "/", false))
                .orElseGet(() -> Wildcards.matchesEverythingStartingWith(pattern, "acs:oss:", false));
    }

    private static Optional<String> relativeOf(String pattern) {
        return Arns.segments(pattern).filter(PolicyAudit::ossService).map(p -> p[4]);
    }

    private static boolean ossService(String[] segments) {
        return Wildcards.matches(segments[0], "acs", false) && Wildcards.matches(segments[1], "oss", false);
    }

    private static boolean coversAllActions(Patterns actions) {
        return !actions.negated() && actions.values().stream().anyMatch(p -> allStars(p));
    }

    private static boolean coversAllResources(Patterns resources) {
        return !resources.negated()
                && resources.values().stream()
                        .anyMatch(p -> allStars(p)
                                || Arns.segments(p)
                                        .map(s -> s[0].equals("acs")
                                                && allStars(s[1])
                                                && allStars(s[2])
                                                && allStars(s[3])
                                                && allStars(s[4]))
                                        .orElse(false));
    }

    private static boolean coversService(Patterns actions, String service) {
        String prefix = service + ":";
        if (actions.negated()) {
            return actions.values().stream().noneMatch(p -> Wildcards.canMatchSomethingStartingWith(p, prefix, true));
        }
        return actions.values().stream().anyMatch(p -> Wildcards.matchesEverythingStartingWith(p, prefix, true));
    }

    /** Every resource of {@code service} whose relative id starts with {@code relativePrefix}. */
    private static boolean coversServiceResources(Patterns resources, String service, String relativePrefix) {
        String arnPrefix = "acs:" + service + ":";
        if (resources.negated()) {
            return resources.values().stream()
                    .noneMatch(p -> Wildcards.canMatchSomethingStartingWith(p, arnPrefix, false));
        }
        return resources.values().stream()
                .anyMatch(p -> Wildcards.matchesEverythingStartingWith(p, arnPrefix, false)
                        || Arns.segments(p)
                                .map(s -> s[0].equals("acs")
                                        && Wildcards.matches(s[1], service, true)
                                        && (allStars(s[2]) || s[2].isEmpty())
                                        && (allStars(s[3]) || (!s[3].contains("*") && !s[3].contains("?")))
                                        && Wildcards.matchesEverythingStartingWith(s[4], relativePrefix, false))
                                .orElse(false));
    }

    private static boolean allStars(String pattern) {
        return !pattern.isEmpty() && pattern.chars().allMatch(c -> c == '*');
    }
}
