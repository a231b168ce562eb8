package dev.ossops.emulator.store;

/**
 * A restore of an Archive, Cold Archive or Deep Cold Archive object, as persisted: the restored
 * copy is readable from {@code completesAt} until {@code expiresAt} (epoch milliseconds).
 */
public record RestoreState(long completesAt, long expiresAt) {
    /** Whether the restore is still running at {@code now}. */
    public boolean ongoing(long now) {
        return now < completesAt;
    }

    /** Whether the restored copy can be read at {@code now}. */
    public boolean readable(long now) {
        return now >= completesAt && now < expiresAt;
    }

    /** Whether the restored copy is gone again at {@code now}, as if never restored. */
    public boolean expired(long now) {
        return now >= expiresAt;
    }
}
