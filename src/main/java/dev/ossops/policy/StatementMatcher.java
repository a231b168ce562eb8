package dev.ossops.policy;

import java.util.List;

/** Whether one statement applies to one request: action, resource, principal and conditions. */
final class StatementMatcher {
    private StatementMatcher() {}

    /** How a statement's Principal names a caller. */
    enum PrincipalMatch {
        NONE,
        EVERYONE,
        NAMED
    }

    /** RAM action names are case-insensitive (RAM "Policy elements"). */
    static boolean actionMatches(Statement statement, String action) {
        return statement.actions().matches(action, true);
    }

    static boolean resourceMatches(Statement statement, String resource) {
        return statement
                .resources()
                .map(r -> r.values().stream().anyMatch(p -> Arns.matches(p, resource)) != r.negated())
                .orElse(true);
    }

    /** All conditions must hold; the values under one key are alternatives. */
    static boolean conditionsHold(Statement statement, RequestContext request) {
        return statement.conditions().stream().allMatch(c -> c.operator().holds(request.values(c.key()), c.values()));
    }

    static PrincipalMatch principalMatch(Statement statement, Caller caller, PolicyType type) {
        return statement
                .principals()
                .map(p -> {
                    if (p.ram().stream().anyMatch(v -> !v.equals("*") && namesCaller(v, caller, type))
                            || (caller instanceof Caller.Service s && anyGlob(p.service(), s.name()))) {
                        return PrincipalMatch.NAMED;
                    }
                    return p.includesEveryone() ? PrincipalMatch.EVERYONE : PrincipalMatch.NONE;
                })
                .orElse(PrincipalMatch.NONE);
    }

    /**
     * One RAM principal value against the caller. Bucket policies name a numeric id (the account's
     * UID, or a RAM user's UID), a RAM ARN ({@code acs:ram::<uid>:user/<name>}, {@code :role/<name>},
     * {@code :root}) or an STS session ARN ({@code arn:sts::<uid>:assumed-role/<role>/<session>}).
     * In a trust policy {@code acs:ram::<uid>:root} trusts the whole account. User and role names
     * compare ignoring case: RAM does not allow two names that differ only in case.
     */
    private static boolean namesCaller(String value, Caller caller, PolicyType type) {
        if (caller instanceof Caller.Account a) {
            return value.equals(a.id()) || glob(value, "acs:ram::" + a.id() + ":root");
        }
        if (type == PolicyType.TRUST
                && caller.accountId()
                        .map(account -> glob(value, "acs:ram::" + account + ":root"))
                        .orElse(false)) {
            return true;
        }
        if (caller instanceof Caller.RamUser u) {
            return value.equals(u.userId()) || glob(value, "acs:ram::" + u.account() + ":user/" + u.userName());
        }
        if (caller instanceof Caller.RoleSession r) {
            return glob(value, "acs:ram::" + r.account() + ":role/" + r.roleName())
                    || glob(value, "arn:sts::" + r.account() + ":assumed-role/" + r.roleName() + "/" + r.sessionName());
        }
        return false;
    }

    private static boolean anyGlob(List<String> patterns, String value) {
        return patterns.stream().anyMatch(p -> glob(p, value));
    }

    private static boolean glob(String pattern, String value) {
        return Wildcards.matches(pattern, value, true);
    }
}
