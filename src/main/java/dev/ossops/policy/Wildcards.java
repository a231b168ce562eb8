package dev.ossops.policy;

import java.util.BitSet;

/**
 * Glob matching as RAM documents it for Action, Resource and StringLike: {@code *} matches any
 * run of characters (also none), {@code ?} exactly one; everything else is literal.
 */
final class Wildcards {
    private Wildcards() {}

    /** Whether {@code pattern} matches the whole of {@code value}. */
    static boolean matches(String pattern, String value, boolean ignoreCase) {
        BitSet states = afterConsuming(pattern, value, ignoreCase);
        return states.get(pattern.length());
    }

    /** Whether some string that starts with {@code prefix} is matched by {@code pattern}. */
    static boolean canMatchSomethingStartingWith(String pattern, String prefix, boolean ignoreCase) {
        // Any live state can be completed: the rest of any glob matches at least one string.
        return !afterConsuming(pattern, prefix, ignoreCase).isEmpty();
    }

    /**
     * Whether {@code pattern} matches every string that starts with {@code prefix}. Sufficient
     * test (a live state followed only by stars), so callers that subtract access stay cautious.
     */
    static boolean matchesEverythingStartingWith(String pattern, String prefix, boolean ignoreCase) {
        BitSet states = afterConsuming(pattern, prefix, ignoreCase);
        for (int i = states.nextSetBit(0); i >= 0; i = states.nextSetBit(i + 1)) {
            if (onlyStarsFrom(pattern, i)) {
                return true;
            }
        }
        return false;
    }

    /** Simulates the pattern as an automaton whose states are pattern positions. */
    private static BitSet afterConsuming(String pattern, String input, boolean ignoreCase) {
        BitSet states = new BitSet(pattern.length() + 1);
        states.set(0);
        closeOverStars(pattern, states);
        for (int c = 0; c < input.length() && !states.isEmpty(); c++) {
            char ch = input.charAt(c);
            BitSet next = new BitSet(pattern.length() + 1);
            for (int i = states.nextSetBit(0); i >= 0 && i < pattern.length(); i = states.nextSetBit(i + 1)) {
                char p = pattern.charAt(i);
                if (p == '*') {
                    next.set(i);
                } else if (p == '?' || same(p, ch, ignoreCase)) {
                    next.set(i + 1);
                }
            }
            closeOverStars(pattern, next);
            states = next;
        }
        return states;
    }

    private static void closeOverStars(String pattern, BitSet states) {
        for (int i = 0; i < pattern.length(); i++) {
            if (states.get(i) && pattern.charAt(i) == '*') {
                states.set(i + 1);
            }
        }
    }

    private static boolean onlyStarsFrom(String pattern, int from) {
        for (int i = from; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }
}
