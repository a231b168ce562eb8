package dev.ossops.apply.cdn;

import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.spec.model.Cdn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Cache TTL rules as CDN configurations: one {@code filetype_based_ttl_set} per profile entry with file types, one
 * {@code path_based_ttl_set} per path. {@link #reconcile} says which configurations to set and which to delete so
 * that live holds exactly the profile's rules, keeping (or updating in place) the ones that already match.
 */
final class TtlRules {

    /** One wanted configuration; {@code value} is the {@code file_type} list (comma-separated) or the {@code path}. */
    record Rule(String functionName, String value, long ttlSeconds) {

        String argName() {
            return functionName.equals(CdnLiveSource.FILETYPE_TTL) ? "file_type" : "path";
        }

        /** File types compare as a lower-case set, as the planner compares them. */
        String key() {
            return key(functionName, value);
        }

        static String key(String functionName, String value) {
            if (!functionName.equals(CdnLiveSource.FILETYPE_TTL)) {
                return value;
            }
            TreeSet<String> types = new TreeSet<>();
            for (String t : value.split(",", -1)) {
                if (!t.isBlank()) {
                    types.add(t.trim().toLowerCase(Locale.ROOT));
                }
            }
            return String.join(",", types);
        }

        Map<String, String> args() {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("ttl", Long.toString(ttlSeconds));
            args.put(argName(), value);
            return args;
        }
    }

    /** What to send: configurations to set (with the id of the one they replace) and config ids to delete. */
    record Reconciliation(List<CdnModel.FunctionSetting> set, List<String> delete) {
        Reconciliation {
            set = List.copyOf(set);
            delete = List.copyOf(delete);
        }
    }

    private TtlRules() {}

    static List<Rule> of(List<Cdn.CacheTtl> entries) {
        List<Rule> rules = new ArrayList<>();
        for (Cdn.CacheTtl ttl : entries) {
            if (!ttl.fileTypes().isEmpty()) {
                rules.add(new Rule(CdnLiveSource.FILETYPE_TTL, String.join(",", ttl.fileTypes()), ttl.ttlSeconds()));
            }
            // path_based_ttl_set takes one path per configuration.
            ttl.paths().forEach(p -> rules.add(new Rule(CdnLiveSource.PATH_TTL, p, ttl.ttlSeconds())));
        }
        return rules;
    }

    static Reconciliation reconcile(List<Rule> wanted, List<CdnModel.Config> live) {
        List<CdnModel.Config> unmatched = new ArrayList<>(live);
        List<CdnModel.FunctionSetting> set = new ArrayList<>();
        for (Rule rule : wanted) {
            Optional<CdnModel.Config> same =
                    unmatched.stream().filter(c -> sameKey(rule, c)).findFirst();
            same.ifPresent(unmatched::remove);
            boolean sameTtl = same.map(c ->
                            Long.toString(rule.ttlSeconds()).equals(c.args().get("ttl")))
                    .orElse(false);
            if (!sameTtl) {
                set.add(new CdnModel.FunctionSetting(
                        rule.functionName(), same.map(CdnModel.Config::configId), rule.args()));
            }
        }
        return new Reconciliation(
                set, unmatched.stream().map(CdnModel.Config::configId).toList());
    }

    private static boolean sameKey(Rule rule, CdnModel.Config c) {
        String value = c.args().get(rule.argName());
        return c.functionName().equals(rule.functionName())
                && value != null
                && Rule.key(c.functionName(), value).equals(rule.key());
    }
}
