package dev.ossops.cloud.credentials;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RefreshingCredentialSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static final class CountingSource implements CredentialSource {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Credentials resolve() {
            int n = calls.incrementAndGet();
            return Credentials.temporary(
                    "STS.key000000" + n, "secret" + n, "token" + n, NOW.plus(Duration.ofMinutes(15)));
        }

        @Override
        public String describe() {
            return "counting";
        }
    }

    @Test
    void resolve_cachesWhileFarFromExpiry() {
        CountingSource source = new CountingSource();
        RefreshingCredentialSource refreshing =
                new RefreshingCredentialSource(source, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        refreshing.resolve();
        refreshing.resolve();
        assertEquals(1, source.calls.get());
    }

    @Test
    void resolve_refreshesInsideTheRefreshWindow() {
        CountingSource source = new CountingSource();
        RefreshingCredentialSource early =
                new RefreshingCredentialSource(source, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        early.resolve();
        RefreshingCredentialSource late = new RefreshingCredentialSource(
                source, Duration.ofMinutes(5), Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertEquals("STS.key0000002", late.resolve().accessKeyId());
    }

    @Test
    void invalidate_forcesANewResolve() {
        CountingSource source = new CountingSource();
        RefreshingCredentialSource refreshing =
                new RefreshingCredentialSource(source, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
        refreshing.resolve();
        refreshing.invalidate();
        assertEquals("STS.key0000002", refreshing.resolve().accessKeyId());
    }
}
