package dev.ossops.apply.lock;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyLockTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    /** One object in memory; {@code lostPut} makes the next create succeed but answer "exists", as a retried put would. */
    private static final class MemoryStore implements LockStore {
        Optional<String> object = Optional.empty();
        boolean lostPut;
        int deletes;

        @Override
        public boolean createIfAbsent(String text) {
            if (lostPut) {
                lostPut = false;
                object = Optional.of(text);
                return false;
            }
            if (object.isPresent()) {
                return false;
            }
            object = Optional.of(text);
            return true;
        }

        @Override
        public Optional<String> read() {
            return object;
        }

        @Override
        public void delete() {
            deletes++;
            object = Optional.empty();
        }

        @Override
        public String location() {
            return "oss://ops/prod.lock";
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final Deque<String> ids = new ArrayDeque<>(List.of("id-1", "id-2", "id-3"));
    private final ApplyLock lock =
            new ApplyLock(store, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC), ids::pop);

    private static String held(String id, String expires) {
        return new LockRecord(id, "bob@ci", Instant.parse("2026-11-21T11:50:00Z"), Instant.parse(expires)).toJson();
    }

    @Test
    void acquire_free_writesRecordWithFifteenMinuteExpiry() {
        ApplyLock.Acquired acquired = lock.acquire("alice@laptop");

        assertEquals(
                new LockRecord("id-1", "alice@laptop", NOW, Instant.parse("2026-11-21T12:15:00Z")), acquired.record());
        assertEquals(Optional.empty(), acquired.takenOverFrom());
        assertEquals(
                "{\"id\":\"id-1\",\"who\":\"alice@laptop\",\"when\":\"2026-11-21T12:00:00Z\",\"expires\":\"2026-11-21T12:15:00Z\"}",
                store.object.orElseThrow());
    }

    @Test
    void acquire_heldAndLive_refusesNamingHolderIdAndExpiry() {
        store.object = Optional.of(held("other", "2026-11-21T12:05:00Z"));

        LockException e = assertThrows(LockException.class, () -> lock.acquire("alice@laptop"));

        assertEquals(
                "the lock oss://ops/prod.lock is held by bob@ci since 2026-11-21T11:50:00Z (lock id other, expires "
                        + "2026-11-21T12:05:00Z); if that apply is no longer running, break the lock with --force-unlock other",
                e.getMessage());
        assertEquals(held("other", "2026-11-21T12:05:00Z"), store.object.orElseThrow());
    }

    @Test
    void acquire_expired_takesOver() {
        store.object = Optional.of(held("stale", "2026-11-21T12:00:00Z"));

        ApplyLock.Acquired acquired = lock.acquire("alice@laptop");

        assertEquals("stale", acquired.takenOverFrom().orElseThrow().id());
        assertEquals(
                "id-1",
                LockRecord.parse(store.object.orElseThrow()).orElseThrow().id());
    }

    @Test
    void acquire_lostAnswerToOwnPut_recognisesOwnLock() {
        store.lostPut = true;

        assertEquals("id-1", lock.acquire("alice@laptop").record().id());
        assertEquals(0, store.deletes);
    }

    @Test
    void acquire_foreignObject_refused() {
        store.object = Optional.of("hello");

        LockException e = assertThrows(LockException.class, () -> lock.acquire("alice@laptop"));

        assertEquals(
                "the object oss://ops/prod.lock exists but is not an ossops lock; remove it or choose another lock key",
                e.getMessage());
    }

    @Test
    void release_ownLock_deletes() {
        LockRecord mine = lock.acquire("alice@laptop").record();

        assertEquals(Optional.empty(), lock.release(mine));
        assertEquals(Optional.empty(), store.object);
    }

    @Test
    void release_lockBrokenAndRetaken_leavesItAndSays() {
        LockRecord mine = lock.acquire("alice@laptop").record();
        store.object = Optional.of(held("theirs", "2026-11-21T13:00:00Z"));

        assertEquals(
                Optional.of("the lock oss://ops/prod.lock is no longer ours (id theirs), so it was left in place"),
                lock.release(mine));
        assertTrue(store.object.isPresent());
    }

    @Test
    void forceUnlock_matchingId_deletes() {
        store.object = Optional.of(held("stuck", "2026-11-21T13:00:00Z"));

        assertEquals("bob@ci", lock.forceUnlock("stuck").who());
        assertEquals(Optional.empty(), store.object);
    }

    @Test
    void forceUnlock_otherId_refusesAndKeeps() {
        store.object = Optional.of(held("stuck", "2026-11-21T13:00:00Z"));

        LockException e = assertThrows(LockException.class, () -> lock.forceUnlock("wrong"));

        assertEquals(
                "the lock oss://ops/prod.lock has id stuck (held by bob@ci), not wrong; nothing was deleted",
                e.getMessage());
        assertEquals(0, store.deletes);
    }

    @Test
    void forceUnlock_noLock_refuses() {
        LockException e = assertThrows(LockException.class, () -> lock.forceUnlock("any"));

        assertEquals("there is no lock at oss://ops/prod.lock; nothing was deleted", e.getMessage());
    }

    @Test
    void describe_userAndHostFromEnvironment() {
        assertEquals(
                "alice@build-7",
                LockHolder.describe(
                        java.util.Map.of("USER", "alice", "HOSTNAME", "build-7"),
                        java.nio.file.Path.of("/nonexistent/hostname")));
        assertEquals(
                "unknown@unknown",
                LockHolder.describe(java.util.Map.of(), java.nio.file.Path.of("/nonexistent/hostname")));
    }
}
