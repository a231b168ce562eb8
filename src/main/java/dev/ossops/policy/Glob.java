package dev.ossops.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A string pattern as an automaton over its positions: literal characters (optionally compared
 * ignoring case), {@code ?} (one character) and {@code *} (any run). The same language as
 * {@link Wildcards}, plus literal text whose {@code *} and {@code ?} are plain characters (the values
 * of StringEquals). {@code start} is the set of positions the automaton begins in, so a pattern can
 * be asked about the rest of a string after a known prefix ({@link #after}).
 */
public final class Glob {
    private static final char ANY_ONE = '?';
    private static final char ANY_RUN = '*';

    /** Per position: the literal character, or ANY_ONE/ANY_RUN when {@code wild[i]}. */
    private final char[] tokens;

    private final boolean[] wild;
    private final boolean ignoreCase;
    private final BitSet start;

    private Glob(char[] tokens, boolean[] wild, boolean ignoreCase, BitSet start) {
        this.tokens = tokens;
        this.wild = wild;
        this.ignoreCase = ignoreCase;
        this.start = start;
    }

    /** {@code *} and {@code ?} are wildcards. */
    public static Glob pattern(String text, boolean ignoreCase) {
        char[] tokens = text.toCharArray();
        boolean[] wild = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            wild[i] = tokens[i] == ANY_ONE || tokens[i] == ANY_RUN;
        }
        return withStart(tokens, wild, ignoreCase);
    }

    /** Every character stands for itself. */
    public static Glob literal(String text, boolean ignoreCase) {
        char[] tokens = text.toCharArray();
        return withStart(tokens, new boolean[tokens.length], ignoreCase);
    }

    private static Glob withStart(char[] tokens, boolean[] wild, boolean ignoreCase) {
        Glob g = new Glob(tokens, wild, ignoreCase, new BitSet());
        BitSet s = new BitSet(tokens.length + 1);
        s.set(0);
        g.close(s);
        return new Glob(tokens, wild, ignoreCase, s);
    }

    /** The same pattern asked about what follows {@code prefix}; it matches nothing when the prefix already fails. */
    public Glob after(String prefix) {
        BitSet s = (BitSet) start.clone();
        for (int i = 0; i < prefix.length() && !s.isEmpty(); i++) {
            s = step(s, prefix.charAt(i));
        }
        return new Glob(tokens, wild, ignoreCase, s);
    }

    /** Whether the whole of {@code value} (after the prefix given to {@link #after}) is matched. */
    public boolean matches(String value) {
        BitSet s = (BitSet) start.clone();
        for (int i = 0; i < value.length() && !s.isEmpty(); i++) {
            s = step(s, value.charAt(i));
        }
        return accepts(s);
    }

    BitSet start() {
        return start;
    }

    boolean accepts(BitSet states) {
        return states.get(tokens.length);
    }

    BitSet step(BitSet states, char c) {
        BitSet next = new BitSet(tokens.length + 1);
        for (int i = states.nextSetBit(0); i >= 0 && i < tokens.length; i = states.nextSetBit(i + 1)) {
            if (wild[i] && tokens[i] == ANY_RUN) {
                next.set(i);
            } else if (wild[i] || same(tokens[i], c)) {
                next.set(i + 1);
            }
        }
        close(next);
        return next;
    }

    private void close(BitSet states) {
        for (int i = 0; i < tokens.length; i++) {
            if (states.get(i) && wild[i] && tokens[i] == ANY_RUN) {
                states.set(i + 1);
            }
        }
    }

    private boolean same(char a, char b) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    /** The characters this pattern names literally, both cases when it ignores case. */
    Set<Character> alphabet() {
        Set<Character> out = new TreeSet<>();
        for (int i = 0; i < tokens.length; i++) {
            if (!wild[i]) {
                out.add(tokens[i]);
                if (ignoreCase) {
                    out.add(Character.toLowerCase(tokens[i]));
                    out.add(Character.toUpperCase(tokens[i]));
                }
            }
        }
        return out;
    }

    /** For tests and messages. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            parts.add(wild[i] ? String.valueOf(tokens[i]) : "'" + tokens[i] + "'");
        }
        return String.join("", parts);
    }
}
