package dev.ossops.emulator.http;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids shaped like OSS's: 24 upper-case hex characters, the first 8 the time in seconds. */
final class RequestIds {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Clock clock;

    RequestIds(Clock clock) {
        this.clock = clock;
    }

    /**
     * An id only has to differ from the others, not be unpredictable: a shared {@code SecureRandom} (a lock and a
     * SHA-1 per call) and {@code String.format} cost 3% of the emulator's CPU on small PUTs.
     */
    String next() {
        char[] id = new char[24];
        hex(id, 0, clock.millis() / 1000, 8);
        hex(id, 8, ThreadLocalRandom.current().nextLong(), 16);
        return new String(id);
    }

    /** Writes the low {@code digits} hex digits of {@code value} into {@code into} from {@code at}. */
    private static void hex(char[] into, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            into[at + i] = HEX[(int) (value >>> (4 * (digits - 1 - i))) & 0xF];
        }
    }
}
