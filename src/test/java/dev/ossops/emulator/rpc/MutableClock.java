package dev.ossops.emulator.rpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that follows real time (the SDK signs with it) plus an offset tests can move. */
public final class MutableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private final Instant fixed;

    private MutableClock(Instant fixed) {
        this.fixed = fixed;
    }

    /** Real time plus the offset. */
    public static MutableClock system() {
        return new MutableClock(null);
    }

    /** A fixed instant plus the offset. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(instant);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the emulator works in UTC");
    }

    @Override
    public Instant instant() {
        return (fixed == null ? Instant.now() : fixed).plus(offset);
    }
}
