package dev.ossops.spec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** RAM entities by name, in file order. */
public record Ram(Map<String, Policy> policies, Map<String, Role> roles, Map<String, User> users) {

    public Ram {
        policies = Profile.ordered(policies);
        roles = Profile.ordered(roles);
        users = Profile.ordered(users);
    }

    /** A custom policy: a document, or generated from the uploader section ({@code document} empty). */
    public record Policy(
            String name, Optional<String> description, Optional<PolicySpec> document, boolean generateForUploader) {}

    public record Role(
            String name,
            Optional<String> description,
            PolicySpec trust,
            long maxSessionDuration,
            List<String> policies) {
        public Role {
            policies = List.copyOf(policies);
        }
    }

    public record User(String name, Optional<String> displayName, List<String> policies) {
        public User {
            policies = List.copyOf(policies);
        }
    }
}
