package dev.ossops.emulator.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.rpc.JsonStateFile;
import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The account's own OSS settings (not any bucket's), persisted to {@code <dataDir>/oss-account.json} next to
 * {@code ram.json} after every change so they survive a restart. Today that is account-level Block Public Access
 * (PutPublicAccessBlock): empty until it is put, and again after DeletePublicAccessBlock.
 */
public final class AccountSettings {
    private final JsonStateFile file;
    private final ReentrantLock lock = new ReentrantLock();
    // Read on every authorization; written rarely, under the lock, after the file is replaced.
    private volatile Snapshot current;

    private AccountSettings(JsonStateFile file, Snapshot current) {
        this.file = file;
        this.current = current;
    }

    /** Loads {@code <dataDir>/oss-account.json} when present, else starts with nothing set. */
    public static AccountSettings open(Path dataDir) {
        JsonStateFile file = new JsonStateFile(
                dataDir.resolve("oss-account.json"),
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
        return new AccountSettings(file, file.read(Snapshot.class).orElse(new Snapshot(null)));
    }

    /** The stored Block Public Access switch; empty when never put or deleted. */
    public Optional<Boolean> blockPublicAccess() {
        return Optional.ofNullable(current.blockPublicAccess());
    }

    /** Whether account-level Block Public Access is on; unset means off. */
    public boolean blocksPublicAccess() {
        return blockPublicAccess().orElse(false);
    }

    public void putBlockPublicAccess(boolean on) {
        replace(new Snapshot(on));
    }

    public void deleteBlockPublicAccess() {
        replace(new Snapshot(null));
    }

    private void replace(Snapshot next) {
        lock.lock();
        try {
            file.write(next);
            current = next;
        } finally {
            lock.unlock();
        }
    }

    /** The persisted form; a null switch is "not configured". */
    record Snapshot(@Nullable Boolean blockPublicAccess) {}
}
