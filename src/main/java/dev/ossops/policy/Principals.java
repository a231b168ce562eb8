package dev.ossops.policy;

import java.util.List;

/**
 * The Principal of a bucket or trust policy statement. Plain string or list forms
 * ({@code "*"}, {@code ["123"]}) and the {@code {"RAM": [...]}} form all land in {@code ram};
 * trust policies also name {@code Service} (e.g. {@code ecs.aliyuncs.com}) and {@code Federated}
 * (SAML/OIDC provider ARNs) principals.
 */
public record Principals(List<String> ram, List<String> service, List<String> federated) {
    public Principals {
        ram = List.copyOf(ram);
        service = List.copyOf(service);
        federated = List.copyOf(federated);
    }

    /** Whether the statement names everyone, including anonymous callers. */
    public boolean includesEveryone() {
        return ram.contains("*");
    }
}
