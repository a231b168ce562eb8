package dev.ossops.audit.checks;

import dev.ossops.audit.Check;

import java.util.List;

/** Every audit check, in the order reports list their rules. */
public final class Checks {
    private Checks() {}

    public static List<Check> all() {
        return List.of(
                new PublicAclCheck.Write(),
                new PublicAclCheck.Read(),
                new PublicPolicyCheck.Write(),
                new PublicPolicyCheck.Read(),
                new PublicAccessBlockedCheck(),
                new ObjectAclCheck(),
                new EncryptionCheck(),
                new VersioningCheck(),
                new LoggingCheck(),
                new HttpsCheck(),
                new AbortMultipartCheck(),
                new NoncurrentExpirationCheck(),
                new ReplicationCheck(),
                new RamPolicyGrantCheck.FullAccess(),
                new RamPolicyGrantCheck.PrivilegeEscalation(),
                new UserDirectPolicyCheck(),
                new RootAccessKeyCheck(),
                new CdnPublicOriginCheck(),
                new CdnAccessControlCheck(),
                new PresignExpiryCheck(),
                new AccessAssertionCheck());
    }
}
