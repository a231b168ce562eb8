package dev.ossops.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Request values that tell a key's conditions apart: for the conditions some policies place on one
 * condition key, values such that every combination of those conditions holding or not that any
 * request value can produce is produced by one of them. A statement's conditions on a key are
 * decided by the value alone, so these values stand for every value a request could carry.
 * <ul>
 *   <li>IP addresses: one address from every stretch between the boundaries of the blocks named
 *       (an address inside a block and outside every block nested in it, and so on);</li>
 *   <li>strings: {@link GlobWitnesses} over the StringLike patterns and StringEquals values;</li>
 *   <li>numbers and dates: each value named, one between each two, one below and one above;</li>
 *   <li>Bool: true and false.</li>
 * </ul>
 * Whether the key may also be missing from a request is the caller's knowledge, not this class's.
 */
public final class ConditionWitnesses {
    /** An address outside every block when none are named: TEST-NET-3 (RFC 5737), never routed. */
    private static final String SAMPLE_V4 = "203.0.113.10";

    private static final int MAX_STRING_STATES = 5_000;

    private ConditionWitnesses() {}

    /** Every condition of {@code statements} on each key, by key in lower case. */
    public static Map<String, List<Condition>> byKey(List<Statement> statements) {
        Map<String, List<Condition>> out = new java.util.TreeMap<>();
        for (Statement s : statements) {
            for (Condition c : s.conditions()) {
                out.computeIfAbsent(c.key().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(c);
            }
        }
        return out;
    }

    /** Values for one key; empty when the string patterns are too many to tell apart here. */
    public static Optional<List<String>> values(List<Condition> conditions) {
        Set<ConditionOperator.Family> families = EnumSet.noneOf(ConditionOperator.Family.class);
        conditions.forEach(c -> families.add(c.operator().family()));
        Set<String> out = new LinkedHashSet<>();
        for (ConditionOperator.Family family : families) {
            List<Condition> ofFamily = conditions.stream()
                    .filter(c -> c.operator().family() == family)
                    .toList();
            switch (family) {
                case IP -> out.addAll(addresses(ofFamily));
                case BOOL -> out.addAll(List.of("true", "false"));
                case NUMERIC -> out.addAll(numbers(ofFamily));
                case DATE -> out.addAll(dates(ofFamily));
                case STRING -> {
                    Optional<List<String>> strings = strings(ofFamily);
                    if (strings.isEmpty()) {
                        return Optional.empty();
                    }
                    out.addAll(strings.get());
                }
            }
        }
        return Optional.of(List.copyOf(out));
    }

    /** IP addresses: the start of each stretch between block boundaries, per address family. */
    static List<String> addresses(List<Condition> conditions) {
        List<IpRange> ranges = new ArrayList<>();
        conditions.forEach(c -> c.values().forEach(v -> IpRange.parse(v).ifPresent(ranges::add)));
        List<String> out = new ArrayList<>();
        for (int width : new int[] {4, 16}) {
            List<IpRange> family =
                    ranges.stream().filter(r -> r.network().length == width).toList();
            if (family.isEmpty()) {
                continue;
            }
            BigInteger end = BigInteger.ONE.shiftLeft(width * 8);
            TreeSet<BigInteger> cuts = new TreeSet<>();
            cuts.add(BigInteger.ZERO);
            for (IpRange r : family) {
                BigInteger[] bounds = bounds(r);
                cuts.add(bounds[0]);
                cuts.add(bounds[1].add(BigInteger.ONE));
            }
            cuts.remove(end);
            cuts.forEach(cut -> out.add(text(cut, width)));
        }
        if (out.isEmpty() || ranges.stream().noneMatch(r -> r.network().length == 4)) {
            out.add(SAMPLE_V4);
        }
        return out;
    }

    private static BigInteger[] bounds(IpRange r) {
        int bits = r.network().length * 8;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - r.prefixLength()).subtract(BigInteger.ONE);
        BigInteger low = new BigInteger(1, r.network()).andNot(hostMask);
        return new BigInteger[] {low, low.or(hostMask)};
    }

    private static String text(BigInteger value, int width) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[width];
        int copy = Math.min(raw.length, width);
        System.arraycopy(raw, raw.length - copy, bytes, width - copy, copy);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + width + " bytes", e);
        }
    }

    static Optional<List<String>> strings(List<Condition> conditions) {
        List<Glob> patterns = new ArrayList<>();
        for (Condition c : conditions) {
            boolean like =
                    c.operator() == ConditionOperator.STRING_LIKE || c.operator() == ConditionOperator.STRING_NOT_LIKE;
            boolean ignoreCase = c.operator() == ConditionOperator.STRING_EQUALS_IGNORE_CASE
                    || c.operator() == ConditionOperator.STRING_NOT_EQUALS_IGNORE_CASE;
            c.values().forEach(v -> patterns.add(like ? Glob.pattern(v, false) : Glob.literal(v, ignoreCase)));
        }
        return GlobWitnesses.cover(Glob.pattern("*", false), patterns, MAX_STRING_STATES)
                .map(found -> List.copyOf(new LinkedHashSet<>(found.values())));
    }

    private static List<String> numbers(List<Condition> conditions) {
        TreeSet<BigDecimal> named = new TreeSet<>();
        conditions.forEach(c -> c.values().forEach(v -> named.add(new BigDecimal(v.trim()))));
        List<BigDecimal> points = between(
                new ArrayList<>(named), BigDecimal.ONE, (a, b) -> a.add(b).divide(BigDecimal.valueOf(2)));
        return points.stream().map(BigDecimal::toPlainString).toList();
    }

    private static List<String> dates(List<Condition> conditions) {
        TreeSet<Instant> named = new TreeSet<>();
        for (Condition c : conditions) {
            for (String v : c.values()) {
                try {
                    named.add(OffsetDateTime.parse(v).toInstant());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date: " + v, e);
                }
            }
        }
        List<BigDecimal> seconds =
                named.stream().map(i -> BigDecimal.valueOf(i.toEpochMilli())).toList();
        List<BigDecimal> points = between(
                new ArrayList<>(seconds),
                BigDecimal.valueOf(1000),
                (a, b) -> a.add(b).divideToIntegralValue(BigDecimal.valueOf(2)));
        return points.stream()
                .map(ms -> Instant.ofEpochMilli(ms.longValueExact()).toString())
                .toList();
    }

    /** Each value, one between each neighbouring pair, one {@code step} below the least and above the greatest. */
    private static List<BigDecimal> between(
            List<BigDecimal> sorted, BigDecimal step, java.util.function.BinaryOperator<BigDecimal> middle) {
        List<BigDecimal> out = new ArrayList<>();
        if (sorted.isEmpty()) {
            return out;
        }
        out.add(sorted.get(0).subtract(step));
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i));
            if (i + 1 < sorted.size()) {
                out.add(middle.apply(sorted.get(i), sorted.get(i + 1)));
            }
        }
        out.add(sorted.get(sorted.size() - 1).add(step));
        return out;
    }
}
