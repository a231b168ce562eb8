package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteRangeTest {
    @Test
    void parse_closedRange_isThatRange() {
        assertEquals(new ByteRange(2, 4), ByteRange.parse("bytes=2-4", 10, false));
        assertEquals(new ByteRange(2, 4), ByteRange.parse("bytes=2-4", 10, true));
    }

    @Test
    void parse_openEndedAndSuffix_countFromTheEnd() {
        assertEquals(new ByteRange(7, 9), ByteRange.parse("bytes=7-", 10, false));
        assertEquals(new ByteRange(7, 9), ByteRange.parse("bytes=-3", 10, false));
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=-30", 10, false));
    }

    @Test
    void parse_lastBeyondSize_isIgnoredByDefaultAndCutWhenStandard() {
        assertNull(ByteRange.parse("bytes=8-100", 10, false));
        assertEquals(new ByteRange(8, 9), ByteRange.parse("bytes=8-100", 10, true));
    }

    @Test
    void parse_firstBeyondSize_isIgnoredByDefaultAndInvalidRangeWhenStandard() {
        assertNull(ByteRange.parse("bytes=10-20", 10, false));
        OssException e = assertThrows(OssException.class, () -> ByteRange.parse("bytes=10-20", 10, true));
        assertEquals(OssError.INVALID_RANGE, e.error());
    }

    @Test
    void parse_emptySuffix_isInvalidRangeInBothModes() {
        assertEquals(
                OssError.INVALID_RANGE,
                assertThrows(OssException.class, () -> ByteRange.parse("bytes=-0", 10, false))
                        .error());
        assertEquals(
                OssError.INVALID_RANGE,
                assertThrows(OssException.class, () -> ByteRange.parse("bytes=-0", 10, true))
                        .error());
    }

    @Test
    void parse_backwardsOrMalformed_isIgnored() {
        assertNull(ByteRange.parse("bytes=5-2", 10, true));
        assertNull(ByteRange.parse("bytes=0-1,3-4", 10, false));
        assertNull(ByteRange.parse("bytes=a-b", 10, false));
        assertNull(ByteRange.parse("items=0-1", 10, false));
        assertNull(ByteRange.parse("bytes=-", 10, false));
        assertNull(ByteRange.parse("bytes=99999999999999999999-", 10, false));
        assertNull(ByteRange.parse("bytes=0-0", 0, false));
        assertNull(ByteRange.parse(null, 10, false));
    }

    @Test
    void wellFormed_acceptsOneRangeOfEitherForm() {
        assertTrue(ByteRange.wellFormed("bytes=0-9"));
        assertTrue(ByteRange.wellFormed("bytes=100-"));
        assertTrue(ByteRange.wellFormed("bytes=-5"));
        assertFalse(ByteRange.wellFormed("bytes=-"));
        assertFalse(ByteRange.wellFormed("bytes=0-1,2-3"));
        assertFalse(ByteRange.wellFormed("0-9"));
        assertFalse(ByteRange.wellFormed(null));
    }

    @Test
    void length_countsBothEnds() {
        assertEquals(3, new ByteRange(2, 4).length());
    }
}
