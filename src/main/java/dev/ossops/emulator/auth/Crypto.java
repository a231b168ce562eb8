package dev.ossops.emulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** How the OSS signature checks compare and show what they computed; the MACs themselves are {@code common.Digests}. */
final class Crypto {
    private Crypto() {}

    /** Constant-time comparison, so signature checks do not leak how much of a guess was right. */
    static boolean same(String expected, String provided) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), provided.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes of {@code text} as OSS shows them in {@code StringToSignBytes}: "50 55 54 0A". */
    static String spacedHex(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%02X ", b & 0xff));
        }
        return out.toString().trim();
    }
}
