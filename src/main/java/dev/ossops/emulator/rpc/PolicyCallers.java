package dev.ossops.emulator.rpc;

/** The emulator's principals as the policy evaluator and OSS's error details name them. */
public final class PolicyCallers {
    private PolicyCallers() {}

    public static dev.ossops.policy.Caller of(Principal principal) {
        if (principal instanceof Principal.User user) {
            return new dev.ossops.policy.Caller.RamUser(user.accountId(), user.userId(), user.userName());
        }
        if (principal instanceof Principal.AssumedRole role) {
            return new dev.ossops.policy.Caller.RoleSession(role.accountId(), role.roleName(), role.sessionName());
        }
        return new dev.ossops.policy.Caller.Account(principal.accountId());
    }

    /** {@code AuthPrincipalType} of OSS's AccessDenied details ({@code SubUser} for RAM users, as OSS shows). */
    public static String principalType(Principal principal) {
        if (principal instanceof Principal.User) {
            return "SubUser";
        }
        if (principal instanceof Principal.AssumedRole) {
            return "AssumedRoleUser";
        }
        return "Account";
    }
}
