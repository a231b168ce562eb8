package dev.ossops.spec.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A RAM or bucket policy as the profile writes it ({@code Version} "1"). Single values are normalised to one-item
 * lists. {@code policy.PolicyDocument} is the parsed form the evaluator reads.
 */
public record PolicySpec(String version, List<Statement> statements) {

    public PolicySpec {
        statements = List.copyOf(statements);
    }

    /**
     * One statement. {@code notAction}/{@code notResource} say that {@code actions}/{@code resources} are
     * NotAction/NotResource. Condition values keep their text (numbers and booleans included).
     */
    public record Statement(
            String effect,
            List<String> actions,
            boolean notAction,
            List<String> resources,
            boolean notResource,
            Optional<Principal> principal,
            Map<String, Map<String, List<String>>> condition) {
        public Statement {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
            condition.forEach((operator, keys) -> {
                Map<String, List<String>> values = new LinkedHashMap<>();
                keys.forEach((key, list) -> values.put(key, List.copyOf(list)));
                copy.put(operator, Profile.ordered(values));
            });
            condition = Profile.ordered(copy);
        }
    }

    /** {@code "*"} or account ids go to {@code any}; typed principals to their lists. */
    public record Principal(List<String> any, List<String> ram, List<String> service, List<String> federated) {
        public Principal {
            any = List.copyOf(any);
            ram = List.copyOf(ram);
            service = List.copyOf(service);
            federated = List.copyOf(federated);
        }
    }
}
