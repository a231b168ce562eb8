package dev.ossops.emulator.datadir;

import dev.ossops.common.AccessKeys;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The AccessKey pair of an emulator's root account. Never printed: {@link #toString()} masks the
 * id and leaves the secret out.
 *
 * @param id     the AccessKey id; letters, digits, '.', '_' and '-' (a ':' would split a V1 Authorization header)
 * @param secret the AccessKey secret; visible ASCII without spaces
 */
public record RootKey(String id, String secret) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1,256}");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public RootKey {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "the root AccessKey id must be 1 to 128 letters, digits, '.', '_' or '-'");
        }
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException(
                    "the root AccessKey secret must be 1 to 256 visible ASCII characters without spaces");
        }
    }

    /** A new pair shaped like a real one: a 24-character {@code LTAI5t...} id and a 30-character secret. */
    public static RootKey random() {
        return new RootKey("LTAI5t" + alphanumeric(18), alphanumeric(30));
    }

    private static String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "RootKey[" + AccessKeys.mask(id) + "]";
    }
}
