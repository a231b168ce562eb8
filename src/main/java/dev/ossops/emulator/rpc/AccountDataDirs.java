package dev.ossops.emulator.rpc;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where each account keeps its own state (RAM, CDN, account-level OSS settings): the first
 * account in the data directory itself, where a single-account emulator always kept it, and every
 * other account in {@code accounts/<uid>/}. Buckets and STS sessions are shared and stay at the top.
 */
public record AccountDataDirs(Path dataDir, String firstAccount) {
    private static final Pattern UID = Pattern.compile("\\d{16}");

    public Path of(String accountId) {
        if (!UID.matcher(accountId).matches()) {
            // Never a path segment from anything but a 16-digit uid.
            throw new IllegalArgumentException("account uid must be 16 digits: " + accountId);
        }
        return accountId.equals(firstAccount)
                ? dataDir
                : dataDir.resolve("accounts").resolve(accountId);
    }
}
