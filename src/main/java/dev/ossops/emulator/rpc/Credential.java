package dev.ossops.emulator.rpc;

import dev.ossops.common.AccessKeys;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an access key id resolves to: its secret, the principal it acts as, whether it is
 * active, the STS security token and expiry of temporary keys, and the identity policies the
 * principal holds now (empty for the account root, which is allowed everything).
 */
public record Credential(
        String accessKeyId,
        String secret,
        Principal principal,
        boolean active,
        Optional<String> securityToken,
        Optional<Instant> expiration,
        List<GrantedPolicy> policies) {

    public Credential {
        policies = List.copyOf(policies);
    }

    /** A permanent key (account or RAM user). */
    public static Credential permanent(
            String accessKeyId, String secret, Principal principal, boolean active, List<GrantedPolicy> policies) {
        return new Credential(accessKeyId, secret, principal, active, Optional.empty(), Optional.empty(), policies);
    }

    /**
     * Whether this key may sign a request that presented {@code securityToken} (null when absent)
     * at {@code now}; temporary keys need their own token and stop working at their expiration.
     */
    public Optional<CredentialRefusal> refusal(@Nullable String securityToken, Instant now) {
        if (!active) {
            return Optional.of(CredentialRefusal.INACTIVE);
        }
        if (this.securityToken.isPresent()) {
            if (securityToken == null || securityToken.isEmpty()) {
                return Optional.of(CredentialRefusal.SECURITY_TOKEN_MISSING);
            }
            if (!this.securityToken.get().equals(securityToken)) {
                return Optional.of(CredentialRefusal.SECURITY_TOKEN_MISMATCH);
            }
        }
        if (expiration.isPresent() && !now.isBefore(expiration.get())) {
            return Optional.of(CredentialRefusal.EXPIRED);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Credential[" + AccessKeys.mask(accessKeyId) + ", " + principal.arn() + "]";
    }
}
