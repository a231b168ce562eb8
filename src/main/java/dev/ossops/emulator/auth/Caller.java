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
 * services to {@code AccessControl}, which is where both are needed.
 */
public record Caller(Optional<Credential> credential, Map<String, List<String>> conditionKeys) {
    public Caller {
        conditionKeys = Map.copyOf(conditionKeys);
    }

    public static Caller anonymous() {
        return new Caller(Optional.empty(), Map.of());
    }

    public static Caller of(Credential credential) {
        return new Caller(Optional.of(credential), Map.of());
    }

    /** This caller with the request's condition keys. */
    public Caller withConditionKeys(Map<String, List<String>> keys) {
        return new Caller(credential, keys);
    }

    public Optional<Principal> principal() {
        return credential.map(Credential::principal);
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
