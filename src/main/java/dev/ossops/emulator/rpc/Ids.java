package dev.ossops.emulator.rpc;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** Random identifiers in the shapes the real services use. */
public final class Ids {
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    /** An upper-case UUID, as {@code RequestId}. */
    public String requestId() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    public String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM[random.nextInt(ALNUM.length)]);
        }
        return out.toString();
    }

    public String digits(int length) {
        StringBuilder out = new StringBuilder(length);
        out.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
