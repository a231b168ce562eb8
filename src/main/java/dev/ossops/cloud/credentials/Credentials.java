package dev.ossops.cloud.credentials;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An AccessKey pair, with a security token and expiry when it is temporary (STS).
 * {@link #toString()} masks the id and never shows the secret or the token.
 */
public final class Credentials {
    private final String accessKeyId;
    private final String accessKeySecret;
    private final @Nullable String securityToken;
    private final @Nullable Instant expiration;

    private Credentials(
            String accessKeyId, String accessKeySecret, @Nullable String securityToken, @Nullable Instant expiration) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("AccessKey id is empty");
        }
        if (accessKeySecret == null || accessKeySecret.isBlank()) {
            throw new IllegalArgumentException("AccessKey secret is empty for " + Secrets.maskAccessKeyId(accessKeyId));
        }
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
        this.expiration = expiration;
    }

    /** Long-lived AccessKey credentials. */
    public static Credentials of(String accessKeyId, String accessKeySecret) {
        return new Credentials(accessKeyId, accessKeySecret, null, null);
    }

    /** Temporary credentials; {@code securityToken} may be null for an AccessKey pair that expires. */
    public static Credentials temporary(
            String accessKeyId, String accessKeySecret, @Nullable String securityToken, @Nullable Instant expiration) {
        return new Credentials(accessKeyId, accessKeySecret, securityToken, expiration);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    public Optional<String> securityToken() {
        return Optional.ofNullable(securityToken);
    }

    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    /** True when these credentials expire before {@code instant}. */
    public boolean expiresBefore(Instant instant) {
        return expiration != null && expiration.isBefore(instant);
    }

    public String maskedAccessKeyId() {
        return Secrets.maskAccessKeyId(accessKeyId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c
                && accessKeyId.equals(c.accessKeyId)
                && accessKeySecret.equals(c.accessKeySecret)
                && Objects.equals(securityToken, c.securityToken)
                && Objects.equals(expiration, c.expiration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, accessKeySecret, securityToken, expiration);
    }

    @Override
    public String toString() {
        return "Credentials[" + maskedAccessKeyId()
                + (securityToken == null ? "" : ", sts")
                + (expiration == null ? "" : ", expires " + expiration)
                + "]";
    }
}
