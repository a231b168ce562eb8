package dev.ossops.emulator.rpc;

import java.util.Locale;
import java.util.Optional;

/**
 * Who signed a call: the account itself, a RAM user, or a role session issued by STS. The OSS
 * side authorizes with the same model.
 */
public sealed interface Principal {

    /** The 16-digit account uid. */
    String accountId();

    /** The ARN as GetCallerIdentity reports it. */
    String arn();

    /** GetCallerIdentity's {@code IdentityType}. */
    String identityType();

    /** GetCallerIdentity's {@code PrincipalId}: account uid, user id, or {@code roleId:sessionName}. */
    String principalId();

    record Root(String accountId) implements Principal {
        @Override
        public String arn() {
            return "acs:ram::" + accountId + ":root";
        }

        @Override
        public String identityType() {
            return "Account";
        }

        @Override
        public String principalId() {
            return accountId;
        }
    }

    record User(String accountId, String userName, String userId) implements Principal {
        @Override
        public String arn() {
            return "acs:ram::" + accountId + ":user/" + userName.toLowerCase(Locale.ROOT);
        }

        @Override
        public String identityType() {
            return "RAMUser";
        }

        @Override
        public String principalId() {
            return userId;
        }
    }

    /**
     * A session of a role; {@code sessionPolicy} further narrows the role's policies when given.
     */
    record AssumedRole(
            String accountId, String roleName, String roleId, String sessionName, Optional<String> sessionPolicy)
            implements Principal {
        @Override
        public String arn() {
            return "acs:ram::" + accountId + ":assumed-role/" + roleName.toLowerCase(Locale.ROOT) + "/" + sessionName;
        }

        @Override
        public String identityType() {
            return "AssumedRoleUser";
        }

        @Override
        public String principalId() {
            return assumedRoleId();
        }

        /** {@code <roleId>:<sessionName>}, as AssumedRoleUser.AssumedRoleId. */
        public String assumedRoleId() {
            return roleId + ":" + sessionName;
        }
    }
}
