package dev.ossops.emulator.auth;

import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.Principal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who sent a request and what the request says about itself for policy conditions: the
 * credential that signed it (empty when unsigned) and the condition keys the front observed
 * ({@code acs:SourceIp}, {@code acs:UserAgent}, {@code oss:Prefix}, ...). Carried through the
 * services to {@code AccessControl}, which is where both are needed. A V4 signature also names
 * the region it was signed for: on one endpoint serving every region, that region stands in for
 * the endpoint's (a bucket created through {@code oss-cn-shanghai} lives in cn-shanghai).
 * {@code requesterPays} is whether the request accepts the charges of a pay-by-requester bucket
 * ({@code x-oss-request-payer: requester}).
 */
public record Caller(
        Optional<Credential> credential,
        Map<String, List<String>> conditionKeys,
        Optional<String> signingRegion,
        boolean requesterPays) {
    public Caller {
        conditionKeys = Map.copyOf(conditionKeys);
    }

    public static Caller anonymous() {
        return new Caller(Optional.empty(), Map.of(), Optional.empty(), false);
    }

    public static Caller of(Credential credential) {
        return new Caller(Optional.of(credential), Map.of(), Optional.empty(), false);
    }

    /** A caller whose V4 signature names {@code region}. */
    public static Caller signedFor(Credential credential, String region) {
        return new Caller(Optional.of(credential), Map.of(), Optional.of(region), false);
    }

    /** This caller with the request's condition keys. */
    public Caller withConditionKeys(Map<String, List<String>> keys) {
        return new Caller(credential, keys, signingRegion, requesterPays);
    }

    /** This caller, accepting (or not) the charges of pay-by-requester buckets. */
    public Caller withRequesterPays(boolean accepts) {
        return new Caller(credential, conditionKeys, signingRegion, accepts);
    }

    public Optional<Principal> principal() {
        return credential.map(Credential::principal);
    }

    /** The account the caller belongs to; empty for anonymous callers. */
    public Optional<String> accountId() {
        return principal().map(Principal::accountId);
    }

    public boolean isAnonymous() {
        return credential.isEmpty();
    }

    public boolean isRoot() {
        return principal().map(p -> p instanceof Principal.Root).orElse(false);
    }

    /** Never shows secrets: the credential's own toString masks the key id. */
    @Override
    public String toString() {
        return "Caller[" + credential.map(Credential::toString).orElse("anonymous") + "]";
    }
}
