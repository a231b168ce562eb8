package dev.ossops.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's RAM as the collector read it: policies (custom and the system policies that are attached) with
 * their default version's document, which users and roles they are attached to, and the account's own AccessKeys.
 */
public record RamState(
        Map<String, RamPolicy> policies, List<Attachment> attachments, Observed<List<RootAccessKey>> rootAccessKeys) {

    public RamState {
        policies = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(rootAccessKeys, "rootAccessKeys");
    }

    public enum PolicyKind {
        CUSTOM,
        SYSTEM
    }

    public enum PrincipalKind {
        USER("user"),
        ROLE("role");

        private final String label;

        PrincipalKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A policy and its default version's document (JSON), or why the document could not be read. */
    public record RamPolicy(String name, PolicyKind kind, Observed<String> document) {}

    /** Policy {@code policyName} of {@code policyKind} attached to the user or role {@code principal}. */
    public record Attachment(PrincipalKind principalKind, String principal, String policyName, PolicyKind policyKind) {}

    /**
     * An AccessKey of the account itself (root). Only its id is kept, and findings print it masked; {@code status}
     * is {@code Active} or {@code Inactive}; {@code lastUsed} the date ActionTrail/RAM reports, when known.
     */
    public record RootAccessKey(String accessKeyId, String status, Optional<String> lastUsed) {
        public boolean active() {
            return status.equalsIgnoreCase("Active");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<RamPolicy> policy(String name, PolicyKind kind) {
        RamPolicy p = policies.get(key(name, kind));
        return Optional.ofNullable(p);
    }

    private static String key(String name, PolicyKind kind) {
        return kind + ":" + name;
    }

    public static final class Builder {
        private final Map<String, RamPolicy> policies = new LinkedHashMap<>();
        private final List<Attachment> attachments = new ArrayList<>();
        private Observed<List<RootAccessKey>> rootAccessKeys = Observed.unreadable("not collected");

        private Builder() {}

        public Builder policy(String name, PolicyKind kind, Observed<String> document) {
            policies.put(key(name, kind), new RamPolicy(name, kind, document));
            return this;
        }

        public Builder attach(PrincipalKind principalKind, String principal, String policyName, PolicyKind policyKind) {
            attachments.add(new Attachment(principalKind, principal, policyName, policyKind));
            return this;
        }

        public Builder rootAccessKeys(Observed<List<RootAccessKey>> value) {
            rootAccessKeys = value;
            return this;
        }

        public RamState build() {
            return new RamState(policies, attachments, rootAccessKeys);
        }
    }
}
