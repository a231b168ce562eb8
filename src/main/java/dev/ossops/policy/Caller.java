package dev.ossops.policy;

import java.util.Optional;

/** Who makes a request, as far as policies can tell. */
public sealed interface Caller {

    /** The account the caller belongs to; empty for anonymous callers. */
    Optional<String> accountId();

    /** A short description for explanations; ids and names only, never credentials. */
    String describe();

    /**
     * The caller STS GetCallerIdentity describes: {@code IdentityType} Account, RAMUser or AssumedRoleUser, with the
     * ARN {@code acs:ram::<account>:root}, {@code acs:ram::<account>:user/<name>} or
     * {@code acs:ram::<account>:assumed-role/<role>/<session>} and, for the account and RAM users, the UserId (STS API
     * reference, GetCallerIdentity). Anything else is taken as the account itself, the widest reading.
     */
    static Caller ofIdentity(String account, String identityType, String arn, String userId) {
        String resource = arn.substring(arn.lastIndexOf(':') + 1);
        if (identityType.equals("RAMUser") && resource.startsWith("user/")) {
            return new RamUser(account, userId, resource.substring("user/".length()));
        }
        if (identityType.equals("AssumedRoleUser") && resource.startsWith("assumed-role/")) {
            String[] parts = resource.substring("assumed-role/".length()).split("/", 2);
            return new RoleSession(account, parts[0], parts.length > 1 ? parts[1] : "");
        }
        return new Account(account);
    }

    /** The Alibaba Cloud account itself (root credentials); it owns its resources. */
    record Account(String id) implements Caller {
        @Override
        public Optional<String> accountId() {
            return Optional.of(id);
        }

        @Override
        public String describe() {
            return "account " + id;
        }
    }

    /** A RAM user: its account, its own numeric id (UID) and its name. */
    record RamUser(String account, String userId, String userName) implements Caller {
        @Override
        public Optional<String> accountId() {
            return Optional.of(account);
        }

        @Override
        public String describe() {
            return "RAM user " + userName + " (" + userId + ") of account " + account;
        }
    }

    /** Temporary STS credentials from AssumeRole: the role's account and name, and the session name. */
    record RoleSession(String account, String roleName, String sessionName) implements Caller {
        @Override
        public Optional<String> accountId() {
            return Optional.of(account);
        }

        @Override
        public String describe() {
            return "role session " + roleName + "/" + sessionName + " of account " + account;
        }
    }

    /** A cloud service acting for the account, e.g. {@code ecs.aliyuncs.com} (trust policies). */
    record Service(String name) implements Caller {
        @Override
        public Optional<String> accountId() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "service " + name;
        }
    }

    /** An unsigned request. */
    record Anonymous() implements Caller {
        @Override
        public Optional<String> accountId() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "anonymous caller";
        }
    }
}
