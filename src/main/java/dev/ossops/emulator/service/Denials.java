package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.PolicyCallers;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.policy.Decision;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.StatementRef;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an AccessDenied says, by cause, as OSS's "HTTP 403" page and its 0003-* EC pages list them:
 * <ul>
 *   <li>an explicit Deny: in the caller's RAM policy (0003-00000201), in the bucket policy
 *       (0003-00000101), in both (0003-00000203), or in an STS token's session policy (0003-00000301,
 *       "Access denied by authorizer's policy.", also when the session policy merely does not allow
 *       what the role may do);</li>
 *   <li>nothing allows (0003-00000001): on an object "You have no right to access this object
 *       because of bucket acl."; on a bucket "The bucket you access does not belong to you." (what a
 *       RAM user without the permission, or another account, is told); unsigned callers get OSS's
 *       anonymous messages for buckets and for writes, the ACL message for reads of a private object;
 *       ListBuckets says "You are forbidden to list buckets.".</li>
 * </ul>
 * Signed callers also get the {@code <AccessDeniedDetail>} OSS's page 0003-00000201 shows: the
 * principal's account, type and id, the kind of denial, the action, and the policy type where the
 * page names one; the {@code EncodedDiagnosticMessage} is left out (only RAM can decode it).
 */
final class Denials {
    /** What was asked for, as far as the wording depends on it. */
    enum Target {
        LIST_BUCKETS,
        ACCOUNT,
        BUCKET,
        OBJECT_READ,
        OBJECT_WRITE
    }

    private Denials() {}

    /**
     * @param sessionPolicyLimited an implicit deny that the caller's role would have allowed without its session policy
     * @param bucket               the bucket addressed, or null
     */
    static OssException of(
            Caller caller,
            String action,
            Decision decision,
            boolean sessionPolicyLimited,
            Target target,
            @Nullable String bucket) {
        OssError error = decision.outcome() == Decision.Outcome.EXPLICIT_DENY
                ? explicit(decision)
                : sessionPolicyLimited ? OssError.SESSION_POLICY_DENIED : implicit(caller, target);
        OssException denied = new OssException(error);
        if (caller.isAnonymous()) {
            return denied;
        }
        Principal principal = caller.principal().orElseThrow();
        Map<String, String> detail = new LinkedHashMap<>();
        if (error == OssError.POLICY_DENIED) {
            // The only policy type OSS's pages name: a RAM policy's explicit Deny.
            detail.put("PolicyType", "AccountLevelIdentityBasedPolicy");
        }
        detail.put("AuthPrincipalOwnerId", principal.accountId());
        detail.put("AuthPrincipalType", PolicyCallers.principalType(principal));
        detail.put("AuthPrincipalDisplayName", principal.principalId());
        detail.put(
                "NoPermissionType",
                decision.outcome() == Decision.Outcome.EXPLICIT_DENY ? "ExplicitDeny" : "ImplicitDeny");
        detail.put("AuthAction", action);
        denied = denied.withContainer("AccessDeniedDetail", detail);
        return bucket == null ? denied : denied.with("Bucket", bucket);
    }

    private static OssError explicit(Decision decision) {
        Set<PolicyType> denying =
                decision.statements().stream().map(StatementRef::type).collect(Collectors.toSet());
        if (denying.contains(PolicyType.IDENTITY) && denying.contains(PolicyType.BUCKET)) {
            return OssError.BUCKET_AND_RAM_POLICY_DENIED;
        }
        if (denying.contains(PolicyType.IDENTITY)) {
            return OssError.POLICY_DENIED;
        }
        if (denying.contains(PolicyType.BUCKET)) {
            return OssError.BUCKET_POLICY_DENIED;
        }
        return OssError.SESSION_POLICY_DENIED;
    }

    private static OssError implicit(Caller caller, Target target) {
        boolean anonymous = caller.isAnonymous();
        return switch (target) {
            case LIST_BUCKETS -> OssError.LIST_BUCKETS_DENIED;
            case ACCOUNT, OBJECT_READ -> OssError.NO_PERMISSION;
            case BUCKET -> anonymous ? OssError.ANONYMOUS_BUCKET_DENIED : OssError.BUCKET_NOT_OWNED;
            case OBJECT_WRITE -> anonymous ? OssError.ANONYMOUS_OBJECT_DENIED : OssError.NO_PERMISSION;
        };
    }
}
