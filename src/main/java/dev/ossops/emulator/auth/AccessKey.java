package dev.ossops.emulator.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One credential the emulator accepts: id and secret, whose key it is, and for STS keys the
 * security token that must accompany it and the expiry.
 */
public record AccessKey(String id, String secret, Principal principal, Optional<String> securityToken,
                        Optional<Instant> expiry) {
    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(securityToken, "securityToken");
        Objects.requireNonNull(expiry, "expiry");
    }

    public static AccessKey permanent(String id, String secret, Principal principal) {
        return new AccessKey(id, secret, principal, Optional.empty(), Optional.empty());
    }

    /** Never shows the secret or the token. */
    @Override
    public String toString() {
        return "AccessKey[" + Masking.keyId(id) + ", principal=" + principal.id() + "]";
    }
}
