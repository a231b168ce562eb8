package dev.ossops.upload;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as users type them ({@code 8MiB}, {@code 8M}, {@code 100KB}, {@code 5 GB}, {@code 1048576})
 * and as messages show them. Every unit is binary, as ossutil reads them: K, KB and KiB all mean 1024.
 */
public final class ByteSize {
    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;
    public static final long GIB = 1024L * MIB;
    public static final long TIB = 1024L * GIB;

    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    private ByteSize() {}

    /** The number of bytes {@code text} names; fractions must come to whole bytes ({@code 1.5MiB}). */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()
                || (m.group(2).isEmpty() && !m.group(3).isEmpty() && !m.group(3).equalsIgnoreCase("b"))) {
            throw new UploadException(
                    "invalid size '" + text + "': use bytes or a number with K, M, G or T (binary units, e.g. 8MiB)");
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> KIB;
            case "m" -> MIB;
            case "g" -> GIB;
            case "t" -> TIB;
            default -> 1L;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        try {
            return bytes.longValueExact();
        } catch (ArithmeticException e) {
            throw new UploadException("invalid size '" + text + "': not a whole number of bytes below 8 EiB", e);
        }
    }

    /** {@code 8 MiB}, {@code 100 KiB}, {@code 1.5 GiB}, {@code 1000 bytes}: exact units, else one decimal, else bytes. */
    public static String format(long bytes) {
        long[] units = {TIB, GIB, MIB, KIB};
        String[] names = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= units[i]) {
                if (bytes % units[i] == 0) {
                    return bytes / units[i] + " " + names[i];
                }
                String rounded = String.format(Locale.ROOT, "%.1f", (double) bytes / units[i]);
                // "5.0 GiB" for 5 GiB + 1 byte would hide the very difference a limit message is about.
                return rounded.endsWith(".0") ? bytes + " bytes" : rounded + " " + names[i];
            }
        }
        return bytes == 1 ? "1 byte" : bytes + " bytes";
    }
}
