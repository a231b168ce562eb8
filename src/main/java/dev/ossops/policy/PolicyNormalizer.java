package dev.ossops.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares policies by meaning. The canonical form: every element a list; actions in the
 * catalogue's spelling (or lower case when unknown, since action names ignore case), sorted and
 * without duplicates; resources and principals sorted without duplicates (case kept: resources
 * are case-sensitive); condition keys lower case, values in one spelling per operator type
 * (numbers, dates in UTC, CIDR blocks, booleans, lower case for the IgnoreCase operators),
 * sorted; statements
 * sorted and without duplicates. Not done: merging statements or dropping ones another subsumes.
 */
public final class PolicyNormalizer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private PolicyNormalizer() {}

    /** The canonical form of {@code policy}. */
    public static PolicyDocument canonicalize(PolicyDocument policy) {
        TreeMap<String, Statement> unique = new TreeMap<>();
        for (Statement s : policy.statements()) {
            Statement c = canonical(s);
            unique.putIfAbsent(render(c, policy.type()).toString(), c);
        }
        return new PolicyDocument(policy.type(), policy.version(), new ArrayList<>(unique.values()));
    }

    /** Canonical JSON: stable key order (Version, Statement; Effect, Principal, Action, Resource, Condition). */
    public static String canonicalJson(PolicyDocument policy) {
        return toJson(canonicalize(policy));
    }

    /** Whether two policies of the same type grant and deny the same by their canonical forms. */
    public static boolean equivalent(PolicyDocument a, PolicyDocument b) {
        return a.type() == b.type() && canonicalJson(a).equals(canonicalJson(b));
    }

    /** The document as compact JSON, statements and values in their given order. */
    public static String toJson(PolicyDocument policy) {
        ObjectNode root = JSON.objectNode();
        root.put("Version", policy.version());
        ArrayNode statements = root.putArray("Statement");
        policy.statements().forEach(s -> statements.add(render(s, policy.type())));
        return root.toString();
    }

    private static Statement canonical(Statement s) {
        Patterns actions = new Patterns(
                sortedUnique(s.actions().values(), PolicyNormalizer::actionSpelling),
                s.actions().negated());
        Optional<Patterns> resources =
                s.resources().map(r -> new Patterns(sortedUnique(r.values(), Function.identity()), r.negated()));
        Optional<Principals> principals = s.principals()
                .map(p -> new Principals(
                        sortedUnique(p.ram(), Function.identity()),
                        sortedUnique(p.service(), v -> v.toLowerCase(Locale.ROOT)),
                        sortedUnique(p.federated(), Function.identity())));
        List<Condition> conditions = s.conditions().stream()
                .map(c -> new Condition(
                        c.operator(),
                        c.key().toLowerCase(Locale.ROOT),
                        sortedUnique(c.values(), c.operator()::canonicalValue)))
                .sorted(Comparator.comparing((Condition c) -> c.operator().json())
                        .thenComparing(Condition::key))
                .toList();
        return new Statement(s.effect(), actions, resources, principals, conditions);
    }

    private static String actionSpelling(String action) {
        return OssAction.of(action).map(OssAction::action).orElse(action.toLowerCase(Locale.ROOT));
    }

    private static List<String> sortedUnique(List<String> values, Function<String, String> spelling) {
        return values.stream().map(spelling).distinct().sorted().toList();
    }

    private static ObjectNode render(Statement s, PolicyType type) {
        ObjectNode node = JSON.objectNode();
        node.put("Effect", s.effect().json());
        s.principals().ifPresent(p -> {
            if (type == PolicyType.TRUST) {
                ObjectNode principal = node.putObject("Principal");
                putIfAny(principal, "RAM", p.ram());
                putIfAny(principal, "Service", p.service());
                putIfAny(principal, "Federated", p.federated());
            } else {
                strings(node.putArray("Principal"), p.ram());
            }
        });
        strings(
                node.putArray(s.actions().negated() ? "NotAction" : "Action"),
                s.actions().values());
        s.resources().ifPresent(r -> strings(node.putArray(r.negated() ? "NotResource" : "Resource"), r.values()));
        if (!s.conditions().isEmpty()) {
            Map<String, ObjectNode> byOperator = new TreeMap<>();
            ObjectNode condition = node.putObject("Condition");
            for (Condition c : s.conditions()) {
                ObjectNode keys = byOperator.computeIfAbsent(c.operator().json(), condition::putObject);
                strings(keys.putArray(c.key()), c.values());
            }
        }
        return node;
    }

    private static void putIfAny(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            strings(node.putArray(name), values);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
