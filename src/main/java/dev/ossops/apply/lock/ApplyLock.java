package dev.ossops.apply.lock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes, releases and breaks apply's lock. Taking it is one create-only put; when the object exists its holder is
 * named, unless it has expired, in which case it is deleted (only while it still carries the expired id) and taken.
 */
public final class ApplyLock {
    /** Each round either takes the lock, refuses, or finds that another apply changed it in between. */
    private static final int ROUNDS = 3;

    private final LockStore store;
    private final Duration ttl;
    private final Clock clock;
    private final Supplier<String> ids;

    public ApplyLock(LockStore store, Duration ttl, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param record      the lock now held
     * @param takenOverFrom the expired lock this one replaced, if any
     */
    public record Acquired(LockRecord record, Optional<LockRecord> takenOverFrom) {}

    /** Takes the lock for {@code who}; throws {@link LockException} naming the holder when another apply has it. */
    public Acquired acquire(String who) {
        Instant now = clock.instant();
        LockRecord mine = new LockRecord(ids.get(), who, now, now.plus(ttl));
        Optional<LockRecord> takenOver = Optional.empty();
        for (int round = 0; round < ROUNDS; round++) {
            if (store.createIfAbsent(mine.toJson())) {
                return new Acquired(mine, takenOver);
            }
            Optional<String> text = store.read();
            if (text.isEmpty()) {
                continue; // released between our put and our read: try again
            }
            LockRecord held = parse(text.get());
            if (held.id().equals(mine.id())) {
                // Our put succeeded but its answer was lost and the retry met our own object.
                return new Acquired(mine, takenOver);
            }
            if (!held.expiredAt(now)) {
                throw new LockException(
                        "the lock " + store.location() + " is held by " + held.who() + " since " + held.taken()
                                + " (lock id " + held.id() + ", expires " + held.expires()
                                + "); if that apply is no longer running, "
                                + "break the lock with --force-unlock " + held.id());
            }
            if (deleteIfStill(held)) {
                takenOver = Optional.of(held);
            }
        }
        throw new LockException("the lock " + store.location() + " changed hands " + ROUNDS
                + " times while it was being taken; " + "another apply is starting: try again");
    }

    /**
     * Deletes the lock if it is still {@code mine}; a description of what happened otherwise (another apply broke and
     * took it), so the caller can warn.
     */
    public Optional<String> release(LockRecord mine) {
        Optional<String> text = store.read();
        if (text.isEmpty()) {
            return Optional.of("the lock " + store.location() + " was already gone (broken with --force-unlock?)");
        }
        Optional<LockRecord> held = LockRecord.parse(text.get());
        if (held.isEmpty() || !held.get().id().equals(mine.id())) {
            return Optional.of("the lock " + store.location() + " is no longer ours (id "
                    + held.map(LockRecord::id).orElse("unreadable") + "), so it was left in place");
        }
        store.delete();
        return Optional.empty();
    }

    /** Deletes the lock only if its id is {@code id}; the record deleted. */
    public LockRecord forceUnlock(String id) {
        Optional<String> text = store.read();
        if (text.isEmpty()) {
            throw new LockException("there is no lock at " + store.location() + "; nothing was deleted");
        }
        LockRecord held = parse(text.get());
        if (!held.id().equals(id)) {
            throw new LockException("the lock " + store.location() + " has id " + held.id() + " (held by " + held.who()
                    + "), not " + id + "; nothing was deleted");
        }
        store.delete();
        return held;
    }

    /** Deletes an expired lock after reading it once more, so a lock just taken over by another apply survives. */
    private boolean deleteIfStill(LockRecord expired) {
        Optional<LockRecord> again = store.read().flatMap(LockRecord::parse);
        if (again.isPresent() && again.get().id().equals(expired.id())) {
            store.delete();
            return true;
        }
        return false;
    }

    private LockRecord parse(String text) {
        return LockRecord.parse(text)
                .orElseThrow(() -> new LockException("the object " + store.location()
                        + " exists but is not an ossops lock; remove it or choose another lock key"));
    }
}
