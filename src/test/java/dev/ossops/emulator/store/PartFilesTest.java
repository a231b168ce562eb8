package dev.ossops.emulator.store;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PartFilesTest {

    @Test
    void name_thenParse_givesBackTheRecordWithTheFileSize() {
        PartRecord part = new PartRecord(
                10000, "0CC175B9C0F1B6A831C399E269772661", 102_400, "18446744073709551615", 1_763_750_000_123L);
        String name = PartFiles.name(part, 42);

        assertEquals("part-10000-42-1763750000123-18446744073709551615-0CC175B9C0F1B6A831C399E269772661.data", name);
        assertEquals(Optional.of(new PartFiles.Stored(part, name, 42)), PartFiles.parse(name, 102_400));
    }

    @Test
    void name_crcWithASeparator_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PartFiles.name(new PartRecord(1, "E", 1, "1-2", 0), 1));
        assertEquals("a part's ETag and CRC-64 must be alphanumeric to be stored in a file name", e.getMessage());
    }

    @Test
    void parse_otherFilesOfAnUploadDirectory_areNotParts() {
        assertEquals(Optional.empty(), PartFiles.parse("upload.json", 10));
        assertEquals(Optional.empty(), PartFiles.parse(".tmp-123.part", 10));
        assertEquals(Optional.empty(), PartFiles.parse("part-1.data", 10));
        assertEquals(Optional.empty(), PartFiles.parse("part-1-2-3-4-E.data.tmp", 10));
        // A sequence beyond a long is not one this store wrote.
        assertEquals(Optional.empty(), PartFiles.parse("part-1-9999999999999999999-3-4-E.data", 10));
    }

    @Test
    void legacyData_jsonRecordOfTheOldLayout_namesItsDataFile() {
        assertEquals(Optional.of("part-12.data"), PartFiles.legacyData("part-12.json"));
        assertEquals(Optional.empty(), PartFiles.legacyData("upload.json"));
        assertEquals("part-12.json", PartFiles.legacyRecord("part-12.data"));
    }
}
