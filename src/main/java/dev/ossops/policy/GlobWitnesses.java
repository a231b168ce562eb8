package dev.ossops.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strings that tell a set of patterns apart: for a {@code query} pattern and {@code others}, one
 * shortest string matched by the query for every combination of the others it can be matched
 * together with. Deciding a request depends on a key (or a condition value) only through which
 * patterns match it, so checking these strings checks every string the query matches.
 * <p>
 * It explores the product of the patterns' automata breadth first over the characters the patterns
 * name plus one character none of them names (it stands for all the others, which every pattern
 * treats alike). The work is bounded by {@code maxStates}; past it the answer is empty, and callers
 * say the question was too large rather than guess.
 */
public final class GlobWitnesses {
    private GlobWitnesses() {}

    /** Each combination of matching {@code others} (bit i = others[i] matches) to its shortest witness. */
    public static Optional<Map<BitSet, String>> cover(Glob query, List<Glob> others, int maxStates) {
        Set<Character> letters = new TreeSet<>(query.alphabet());
        others.forEach(o -> letters.addAll(o.alphabet()));
        char fresh = fresh(letters);
        letters.add(fresh);
        List<BitSet> start = new ArrayList<>();
        start.add(query.start());
        others.forEach(o -> start.add(o.start()));
        Map<List<BitSet>, String> seen = new HashMap<>();
        Deque<List<BitSet>> queue = new ArrayDeque<>();
        seen.put(start, "");
        queue.add(start);
        Map<BitSet, String> witnesses = new LinkedHashMap<>();
        while (!queue.isEmpty()) {
            List<BitSet> state = queue.poll();
            String word = seen.get(state);
            if (query.accepts(state.get(0))) {
                BitSet which = new BitSet(others.size());
                for (int i = 0; i < others.size(); i++) {
                    which.set(i, others.get(i).accepts(state.get(i + 1)));
                }
                witnesses.putIfAbsent(which, word);
            }
            for (char c : letters) {
                BitSet q = query.step(state.get(0), c);
                if (q.isEmpty()) {
                    continue;
                }
                List<BitSet> next = new ArrayList<>(state.size());
                next.add(q);
                for (int i = 0; i < others.size(); i++) {
                    next.add(others.get(i).step(state.get(i + 1), c));
                }
                if (!seen.containsKey(next)) {
                    if (seen.size() >= maxStates) {
                        return Optional.empty();
                    }
                    seen.put(next, word + c);
                    queue.add(next);
                }
            }
        }
        witnesses.replaceAll((which, word) -> readable(query, others, which, word, fresh));
        return Optional.of(witnesses);
    }

    /** {@code word} with one more ordinary character when that changes nothing: {@code invoices/x}, not {@code invoices/}. */
    private static String readable(Glob query, List<Glob> others, BitSet which, String word, char fresh) {
        String longer = word + fresh;
        if (!query.matches(longer)) {
            return word;
        }
        for (int i = 0; i < others.size(); i++) {
            if (others.get(i).matches(longer) != which.get(i)) {
                return word;
            }
        }
        return longer;
    }

    /** A character no pattern names: a letter if one is free, so witnesses stay readable. */
    private static char fresh(Set<Character> used) {
        for (char c : "xqzjkvw0123456789".toCharArray()) {
            if (!used.contains(c) && !used.contains(Character.toUpperCase(c))) {
                return c;
            }
        }
        for (char c = 'A'; ; c++) {
            if (!used.contains(c) && !used.contains(Character.toLowerCase(c))) {
                return c;
            }
        }
    }
}
