package dev.ossops.emulator.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ByteRangeTest {
    @Test
    void parse_closedRange_isThatRange() {
        assertEquals(new ByteRange(2, 4), ByteRange.parse("bytes=2-4", 10));
    }

    @Test
    void parse_openEndedAndSuffix_countFromTheEnd() {
        assertEquals(new ByteRange(7, 9), ByteRange.parse("bytes=7-", 10));
        assertEquals(new ByteRange(7, 9), ByteRange.parse("bytes=-3", 10));
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=-30", 10));
    }

    @Test
    void parse_lastBeyondSize_isClamped() {
        assertEquals(new ByteRange(8, 9), ByteRange.parse("bytes=8-100", 10));
    }

    @Test
    void parse_unsatisfiableOrMalformed_isIgnored() {
        assertNull(ByteRange.parse("bytes=10-20", 10));
        assertNull(ByteRange.parse("bytes=5-2", 10));
        assertNull(ByteRange.parse("bytes=0-1,3-4", 10));
        assertNull(ByteRange.parse("bytes=a-b", 10));
        assertNull(ByteRange.parse("items=0-1", 10));
        assertNull(ByteRange.parse("bytes=-0", 10));
        assertNull(ByteRange.parse("bytes=0-0", 0));
        assertNull(ByteRange.parse(null, 10));
    }

    @Test
    void length_countsBothEnds() {
        assertEquals(3, new ByteRange(2, 4).length());
    }
}
