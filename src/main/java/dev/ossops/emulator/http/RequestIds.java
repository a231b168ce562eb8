package dev.ossops.emulator.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/** Request ids shaped like OSS's: 24 upper-case hex characters, the first 8 the time in seconds. */
final class RequestIds {
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RequestIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return String.format("%08X", clock.millis() / 1000 & 0xFFFFFFFFL)
                + HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
