package dev.ossops.emulator.service;

import dev.ossops.emulator.store.RestoreState;
import org.jspecify.annotations.Nullable;

/**
 * Where a restore of an archived object stands when it is read: still running, or done with a
 * readable copy until {@code expiresAt} (epoch milliseconds). OSS shows it in {@code x-oss-restore}.
 */
public record RestoreStatus(boolean ongoing, long expiresAt) {

    /** The status of {@code state} at {@code now}; null when no restore was requested or its copy has expired. */
    static @Nullable RestoreStatus at(@Nullable RestoreState state, long now) {
        if (state == null || state.expired(now)) {
            return null;
        }
        return new RestoreStatus(state.ongoing(now), state.expiresAt());
    }
}
