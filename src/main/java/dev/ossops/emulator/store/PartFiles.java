package dev.ossops.emulator.store;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A part's record carried in the name of its data file, as Maildir carries a message's flags:
 * {@code part-NUMBER-SEQUENCE-LASTMODIFIED-CRC64-ETAG.data}, the size being the file's. One rename
 * then commits content and record together, where a separate JSON record cost a second file, a
 * second fsync and a second directory fsync per part. The store-wide sequence orders two files of
 * one part number left by a crash between storing a replacement and deleting what it replaced.
 */
final class PartFiles {
    private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Za-z]+");
    private static final Pattern NAME =
            Pattern.compile("part-(\\d{1,5})-(\\d{1,19})-(\\d{1,19})-([0-9A-Za-z]+)-([0-9A-Za-z]+)\\.data");
    /** The layout before records moved into names: part-N.data with its record in part-N.json. */
    private static final Pattern LEGACY_RECORD = Pattern.compile("part-(\\d{1,5})\\.json");

    /** A part file found on disk: its record, its file name and the sequence that orders replacements. */
    record Stored(PartRecord record, String file, long sequence) {}

    private PartFiles() {}

    static String name(PartRecord part, long sequence) {
        if (!ALPHANUMERIC.matcher(part.etag()).matches()
                || !ALPHANUMERIC.matcher(part.crc64()).matches()) {
            throw new IllegalArgumentException(
                    "a part's ETag and CRC-64 must be alphanumeric to be stored in a file name");
        }
        return "part-" + part.number() + "-" + sequence + "-" + part.lastModified() + "-" + part.crc64() + "-"
                + part.etag() + ".data";
    }

    /** The part a data file named {@code name} holds, {@code size} bytes long; empty if the name is not one of {@link #name}. */
    static Optional<Stored> parse(String name, long size) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            PartRecord part = new PartRecord(
                    Integer.parseInt(m.group(1)), m.group(5), size, m.group(4), Long.parseLong(m.group(3)));
            return Optional.of(new Stored(part, name, Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The data file of a legacy JSON record named {@code name}; empty if the name is not one. Legacy parts sort before all others. */
    static Optional<String> legacyData(String name) {
        Matcher m = LEGACY_RECORD.matcher(name);
        return m.matches() ? Optional.of("part-" + m.group(1) + ".data") : Optional.empty();
    }

    /** The legacy JSON record that goes with a legacy data file, to delete with it. */
    static String legacyRecord(String dataFile) {
        return dataFile.substring(0, dataFile.length() - ".data".length()) + ".json";
    }
}
