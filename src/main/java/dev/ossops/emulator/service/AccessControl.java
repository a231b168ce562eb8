package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.PublicAccessBlockCodec;
import dev.ossops.emulator.config.RequestPaymentCodec;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.IdentityPolicies;
import dev.ossops.emulator.rpc.PolicyCallers;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Decision;
import dev.ossops.policy.OssAction;
import dev.ossops.policy.PolicyAudit;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;
import dev.ossops.policy.StatementRef;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization of every OSS request, in the order OSS documents ("How OSS authorizes a
 * request", "Bucket Policy", "Block Public Access"):
 * <ol>
 *   <li>the shared {@link PolicyEvaluator} decides the action on the resource under the caller's
 *       identity policies (RAM user, or role and session policy for STS keys) and the bucket
 *       policy; an explicit Deny anywhere refuses, even the account itself when a Principal "*"
 *       statement has a Condition; the account (root keys) owns its buckets;</li>
 *   <li>with no Allow, the ACL decides: the object's ACL, or the bucket's when the object's is
 *       {@code default}; public-read grants reading and listing, public-read-write writing too,
 *       to everyone (anonymous and signed callers alike);</li>
 *   <li>Block Public Access on the bucket or on its owner's account (PutPublicAccessBlock; either one
 *       on is enough, so the account's "on" wins over a bucket's "off") makes public ACLs and the
 *       public statements of the bucket policy ({@link PolicyAudit#anonymousAccess}) grant nothing,
 *       and refuses setting them.</li>
 * </ol>
 * Resources are named in their owner's account ({@code acs:oss:*:<owner uid>:bucket/key}), so a
 * caller of another account reaches a bucket only through its policy (and, for RAM users and
 * role sessions, their own policies too) or a public ACL.
 * Before all of these, a pay-by-requester bucket (PutBucketRequestPayment usage notes) refuses
 * anonymous callers and callers of another account that do not accept the charges.
 * Services name the {@link OssAction} of each check; {@link Permission} maps it to ACL terms.
 */
public final class AccessControl {
    private static final String POLICY = "policy";
    private static final String PUBLIC_ACCESS_BLOCK = "publicAccessBlock";

    private final DiskStore store;
    private final Clock clock;
    private final Map<String, AccountSettings> accounts;
    private final PublicAccessBlockCodec blockCodec = new PublicAccessBlockCodec();
    private final RequestPaymentCodec paymentCodec = new RequestPaymentCodec();

    /** @param accounts each served account's own settings, by uid */
    public AccessControl(DiskStore store, Map<String, AccountSettings> accounts, Clock clock) {
        this.store = store;
        this.accounts = Map.copyOf(accounts);
        this.clock = clock;
    }

    public void checkBucket(Caller caller, BucketRecord bucket, OssAction action) {
        check(caller, bucket, null, bucket.acl(), action);
    }

    /** {@code object} is null when the key has no such version; then the bucket ACL decides. */
    public void checkObject(
            Caller caller, BucketRecord bucket, String key, @Nullable ObjectVersion object, OssAction action) {
        String acl = object == null || "default".equals(object.acl()) ? bucket.acl() : object.acl();
        check(caller, bucket, key, acl, action);
    }

    /**
     * Writing or deleting {@code key}: the object that stands there decides through its own ACL, as for reads (OSS
     * "Object ACLs": an object's ACL takes precedence over the bucket's, for writing too: a public-read-write object
     * in a private bucket may be overwritten by anyone, a private one in a public-read-write bucket by no one but
     * whom the policies allow); a new key, or one hidden by a delete marker, goes by the bucket ACL.
     */
    public void checkObjectWrite(Caller caller, BucketRecord bucket, String key, OssAction action) {
        ObjectVersion current = store.key(bucket.name(), key)
                .filter(record -> !record.versions().isEmpty())
                .map(record -> record.versions().get(0))
                .filter(version -> !version.deleteMarker())
                .orElse(null);
        checkObject(caller, bucket, key, current, action);
    }

    /**
     * ListBuckets and the account's Block Public Access: account-level actions on the caller's own
     * account, {@code acs:oss:*:<uid>:*}; returns that account.
     */
    public String checkAccount(Caller caller, OssAction action) {
        String account = signedAccount(caller);
        decideWithoutBucket(
                caller,
                action.action(),
                "acs:oss:*:" + account + ":*",
                action == OssAction.LIST_BUCKETS ? Denials.Target.LIST_BUCKETS : Denials.Target.ACCOUNT);
        return account;
    }

    /** PutBucket: authorized on the new bucket's ARN in the caller's account, which has no policy or ACL yet; returns that account. */
    public String checkNewBucket(Caller caller, String bucket) {
        String account = signedAccount(caller);
        decideWithoutBucket(
                caller,
                OssAction.PUT_BUCKET.action(),
                RequestContext.ossResource(account, bucket, null),
                Denials.Target.ACCOUNT);
        return account;
    }

    /** The settings of the caller's own account, for the account-level APIs (after {@link #checkAccount}). */
    public AccountSettings settingsOf(String account) {
        AccountSettings settings = accounts.get(account);
        if (settings == null) {
            throw new IllegalStateException("account " + account + " is not served");
        }
        return settings;
    }

    private static String signedAccount(Caller caller) {
        return caller.accountId().orElseThrow(() -> new OssException(OssError.ANONYMOUS_DENIED));
    }

    /**
     * {@code oss:GetBucketCors}, {@code oss:PutBucketLifecycle}, ...: the action of a bucket
     * sub-configuration API is its verb, "Bucket" and the sub-resource capitalised. Configurations
     * OSS has no Delete API for (referer: reset by a PUT) are deleted with their Put action.
     */
    public static OssAction configurationAction(String verb, String subresource) {
        String resource = Character.toUpperCase(subresource.charAt(0)) + subresource.substring(1);
        String name = "oss:" + verb + "Bucket" + resource;
        return OssAction.of(name)
                .or(() -> "Delete".equals(verb) ? OssAction.of("oss:PutBucket" + resource) : Optional.empty())
                .orElseThrow(() -> new IllegalStateException("no RAM action " + name + " in the catalogue"));
    }

    /** PutBucketAcl: a public ACL is refused while Block Public Access is on. */
    public void checkBucketAclChange(BucketRecord bucket, String acl) {
        if (isPublicAcl(acl) && blocksPublicAccess(bucket)) {
            throw new OssException(OssError.PUBLIC_BUCKET_ACL_BLOCKED);
        }
    }

    /** PutObjectAcl and PutObject with x-oss-object-acl: a public ACL is refused while Block Public Access is on. */
    public void checkObjectAclChange(BucketRecord bucket, String acl) {
        if (isPublicAcl(acl) && blocksPublicAccess(bucket)) {
            throw new OssException(OssError.PUBLIC_OBJECT_ACL_BLOCKED);
        }
    }

    /**
     * PutBucketPolicy's rules on what a policy means: a statement conditioning on
     * {@code acs:SourceIp} must condition on {@code acs:SourceVpc} too (OSS error page
     * 0030-00000008), and a policy granting anonymous access is refused while Block Public Access is on.
     */
    public void checkPolicyChange(BucketRecord bucket, String policyJson) {
        PolicyDocument policy = PolicyParser.parse(policyJson, PolicyType.BUCKET);
        if (!PolicyAudit.sourceIpWithoutSourceVpc(policy).isEmpty()) {
            throw new OssException(OssError.SOURCE_IP_WITHOUT_SOURCE_VPC);
        }
        if (blocksPublicAccess(bucket)
                && PolicyAudit.anonymousAccess(policy, bucket.name()).isPublic()) {
            throw new OssException(OssError.PUBLIC_BUCKET_POLICY_BLOCKED);
        }
    }

    /**
     * Whether a bucket policy grants anyone on the internet access (GetBucketPolicyStatus's
     * IsPublic): an Allow to Principal "*" that no IP or VPC condition pins down.
     */
    public boolean isPublic(BucketRecord bucket, String policyJson) {
        return PolicyAudit.anonymousAccess(PolicyParser.parse(policyJson, PolicyType.BUCKET), bucket.name())
                .isPublic();
    }

    private void decideWithoutBucket(Caller caller, String action, String resource, Denials.Target target) {
        if (caller.isAnonymous()) {
            throw new OssException(OssError.ANONYMOUS_DENIED);
        }
        PolicySet policies = identityPolicies(caller);
        RequestContext request = context(caller, action, resource);
        Decision decision = PolicyEvaluator.evaluate(policies, request);
        if (!decision.allowed()) {
            throw Denials.of(caller, action, decision, sessionPolicyLimited(policies, request, decision), target, null);
        }
    }

    private void check(Caller caller, BucketRecord bucket, @Nullable String key, String acl, OssAction action) {
        checkRequesterPays(caller, bucket);
        boolean blocked = blocksPublicAccess(bucket);
        PolicySet policies = identityPolicies(caller);
        Optional<PolicyDocument> bucketPolicy = bucketPolicy(bucket.name());
        if (bucketPolicy.isPresent()) {
            policies = policies.withBucket(new AttachedPolicy(bucket.name(), bucketPolicy.get()));
        }
        RequestContext request =
                context(caller, action.action(), RequestContext.ossResource(bucket.owner(), bucket.name(), key));
        Decision decision = PolicyEvaluator.evaluate(policies, request);
        Denials.Target target = key == null
                ? Denials.Target.BUCKET
                : Permission.of(action) == Permission.READ ? Denials.Target.OBJECT_READ : Denials.Target.OBJECT_WRITE;
        if (decision.outcome() == Decision.Outcome.EXPLICIT_DENY) {
            throw Denials.of(caller, action.action(), decision, false, target, bucket.name());
        }
        if (decision.allowed()
                && !(blocked
                        && bucketPolicy.isPresent()
                        && grantedPublicly(decision, bucketPolicy.get(), bucket.name()))) {
            return;
        }
        if (!blocked && aclGrants(acl, Permission.of(action))) {
            return;
        }
        throw Denials.of(
                caller,
                action.action(),
                decision,
                sessionPolicyLimited(policies, request, decision),
                target,
                bucket.name());
    }

    /** An implicit deny that the same policies without the STS session policy would have allowed: the session policy's doing. */
    private static boolean sessionPolicyLimited(PolicySet policies, RequestContext request, Decision decision) {
        return decision.outcome() == Decision.Outcome.IMPLICIT_DENY
                && policies.session().isPresent()
                && PolicyEvaluator.evaluate(
                                new PolicySet(policies.identity(), Optional.empty(), policies.bucket()), request)
                        .allowed();
    }

    /**
     * PutBucketRequestPayment usage notes: with Payer Requester, anonymous requests are refused
     * (troubleshooting page 0003-00000701) and requesters of another account must send
     * {@code x-oss-request-payer: requester} (0003-00000702); the owner's account, its RAM users
     * and roles included, pays for its own requests and needs no header.
     */
    private void checkRequesterPays(Caller caller, BucketRecord bucket) {
        boolean requesterPays = store.config(bucket.name(), RequestPaymentCodec.SUBRESOURCE)
                .map(doc -> paymentCodec.parse(doc.body()) == RequestPaymentCodec.Payer.Requester)
                .orElse(false);
        if (!requesterPays) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new OssException(OssError.REQUESTER_PAYS_ANONYMOUS);
        }
        boolean owner = caller.principal()
                .map(p -> p.accountId().equals(bucket.owner()))
                .orElse(false);
        if (!owner && !caller.requesterPays()) {
            throw new OssException(OssError.REQUEST_PAYER_MISSING);
        }
    }

    /** Whether the bucket policy's public statements are what allowed: Block Public Access ignores them. */
    private static boolean grantedPublicly(Decision decision, PolicyDocument policy, String bucket) {
        List<Integer> publicStatements = PolicyAudit.anonymousAccess(policy, bucket).statements().stream()
                .map(StatementRef::index)
                .toList();
        return decision.statements().stream()
                .anyMatch(ref -> ref.type() == PolicyType.BUCKET && publicStatements.contains(ref.index()));
    }

    private static boolean aclGrants(String acl, Permission permission) {
        return switch (permission) {
            case READ -> isPublicAcl(acl);
            case WRITE -> "public-read-write".equals(acl);
            case OWNER -> false;
        };
    }

    private static boolean isPublicAcl(String acl) {
        return "public-read".equals(acl) || "public-read-write".equals(acl);
    }

    private boolean blocksPublicAccess(BucketRecord bucket) {
        AccountSettings owner = accounts.get(bucket.owner());
        return (owner != null && owner.blocksPublicAccess())
                || store.config(bucket.name(), PUBLIC_ACCESS_BLOCK)
                        .map(doc -> blockCodec.parse(doc.body()).blockPublicAccess())
                        .orElse(false);
    }

    private Optional<PolicyDocument> bucketPolicy(String bucket) {
        return store.config(bucket, POLICY)
                .map(doc -> PolicyParser.parse(new String(doc.body(), StandardCharsets.UTF_8), PolicyType.BUCKET));
    }

    private static PolicySet identityPolicies(Caller caller) {
        return caller.credential().map(IdentityPolicies::of).orElseGet(PolicySet::empty);
    }

    private RequestContext context(Caller caller, String action, String resource) {
        Map<String, List<String>> keys = new LinkedHashMap<>(caller.conditionKeys());
        keys.put("acs:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(clock.instant())));
        caller.credential().ifPresent(c -> keys.put("acs:AccessId", List.of(c.accessKeyId())));
        dev.ossops.policy.Caller who =
                caller.principal().map(PolicyCallers::of).orElseGet(dev.ossops.policy.Caller.Anonymous::new);
        return new RequestContext(action, resource, who, keys);
    }
}
