package dev.ossops.emulator.dashscope;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateQuotaTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final RateQuota quota = new RateQuota(3, nanos::get);

    @Test
    void admit_withinOneSecond_refusesBeyondLimit() {
        assertEquals("true true true false false", admitted(5, "k", "m"));
    }

    @Test
    void admit_nextSecond_startsAFreshWindow() {
        admitted(4, "k", "m");
        nanos.addAndGet(999_999_999L);
        assertFalse(quota.admit("k", "m"));
        nanos.addAndGet(1L);
        assertTrue(quota.admit("k", "m"));
    }

    @Test
    void admit_otherKeyOrModel_countedApart() {
        admitted(3, "k", "m");
        assertTrue(quota.admit("k", "other-model"));
        assertTrue(quota.admit("other-key", "m"));
        assertFalse(quota.admit("k", "m"));
    }

    private String admitted(int n, String key, String model) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(quota.admit(key, model));
        }
        return out.toString();
    }
}
