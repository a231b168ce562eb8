package dev.ossops.cloud.credentials;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Caches what another source resolves and asks it again shortly before temporary credentials
 * expire, so long runs (multipart uploads, applies) never send an expired token.
 */
public final class RefreshingCredentialSource implements CredentialSource {
    private final CredentialSource delegate;
    private final Duration refreshAhead;
    private final Clock clock;
    private @Nullable Credentials current;

    public RefreshingCredentialSource(CredentialSource delegate, Duration refreshAhead, Clock clock) {
        this.delegate = delegate;
        this.refreshAhead = refreshAhead;
        this.clock = clock;
    }

    @Override
    public synchronized Credentials resolve() {
        Instant threshold = clock.instant().plus(refreshAhead);
        if (current == null || current.expiresBefore(threshold)) {
            current = delegate.resolve();
        }
        return current;
    }

    /** Forgets the cached credentials, for example after the service answered SecurityTokenExpired. */
    public synchronized void invalidate() {
        current = null;
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
