package dev.ossops.emulator.service;

/**
 * Where a restore of an archived object stands when it is read: still running, or done with a
 * readable copy until {@code expiresAt} (epoch milliseconds). OSS shows it in {@code x-oss-restore}.
 */
public record RestoreStatus(boolean ongoing, long expiresAt) {
}
