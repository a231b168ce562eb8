package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.PolicyType;
import dev.ossops.spec.model.Ram;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.plan.Address.Kind;

/**
 * Plans RAM policies (document via a new default version), roles (trust, max session, description), users and
 * attachments. A named role's or user's policy list is authoritative: policies attached live but not listed are
 * detached. Unnamed RAM entities are never read.
 */
final class RamPlanner {
    /** RAM keeps at most five versions of a custom policy. */
    static final int MAX_POLICY_VERSIONS = 5;

    private final PlanContext ctx;

    RamPlanner(PlanContext ctx) {
        this.ctx = ctx;
    }

    void plan(Ram ram) {
        ram.policies().values().forEach(this::policy);
        ram.roles().values().forEach(this::role);
        ram.users().values().forEach(this::user);
        ram.roles()
                .values()
                .forEach(r -> attachments(
                        Kind.ROLE_ATTACHMENTS, Kind.ROLE_ATTACHMENT, Kind.RAM_ROLE, r.name(), r.policies(), ram));
        ram.users()
                .values()
                .forEach(u -> attachments(
                        Kind.USER_ATTACHMENTS, Kind.USER_ATTACHMENT, Kind.RAM_USER, u.name(), u.policies(), ram));
    }

    private void policy(Ram.Policy p) {
        Address address = Address.of(Kind.RAM_POLICY, p.name());
        Optional<String> document = p.document()
                .map(Policies::json)
                .or(() -> Optional.ofNullable(ctx.options.generatedPolicies().get(p.name())));
        if (document.isEmpty()) {
            ctx.error(address, "the document generated from the uploader section was not given to the planner");
            return;
        }
        Optional<Optional<Live.RamPolicy>> seen = ctx.read(address, Live.RamPolicy.class);
        if (seen.isEmpty()) {
            return;
        }
        ObjectNode want = JsonValues.JSON.objectNode();
        p.description().ifPresent(d -> want.put("description", d));
        want.set("document", canonical(document.get(), PolicyType.IDENTITY));
        JsonNode have = PlanContext.none();
        List<String> reasons = new ArrayList<>();
        if (seen.get().isPresent()) {
            Live.RamPolicy live = seen.get().get();
            Policies.Canonical doc = Policies.canonicalLive(live.defaultDocument(), PolicyType.IDENTITY);
            if (doc.problem().isPresent()) {
                ctx.error(
                        address,
                        "the live default version " + live.defaultVersionId() + " cannot be read as a policy ("
                                + doc.problem().get() + "); ossops will not overwrite it");
                return;
            }
            noteIfChanged(live.defaultDocument(), doc.tree());
            ObjectNode h = JsonValues.JSON.objectNode();
            description(p.description().isPresent(), live.description(), h);
            h.set("document", doc.tree());
            have = h;
            if (!doc.tree().equals(want.get("document"))) {
                reasons.add(versionReason(live));
            }
        }
        ctx.add(address, have, want, false, reasons);
    }

    private static String versionReason(Live.RamPolicy live) {
        if (live.versionIds().size() < MAX_POLICY_VERSIONS) {
            return "a new default version replaces " + live.defaultVersionId();
        }
        String oldest = live.versionIds().stream()
                .filter(v -> !v.equals(live.defaultVersionId()))
                .findFirst()
                .orElseThrow();
        return "a new default version replaces " + live.defaultVersionId() + "; RAM keeps at most "
                + MAX_POLICY_VERSIONS + " versions, so the oldest non-default version " + oldest + " is deleted first";
    }

    private void role(Ram.Role r) {
        Address address = Address.of(Kind.RAM_ROLE, r.name());
        Optional<Optional<Live.RamRole>> seen = ctx.read(address, Live.RamRole.class);
        if (seen.isEmpty()) {
            return;
        }
        ObjectNode want = JsonValues.JSON.objectNode();
        r.description().ifPresent(d -> want.put("description", d));
        want.put("maxSessionDuration", r.maxSessionDuration());
        want.set("trust", canonical(Policies.json(r.trust()), PolicyType.TRUST));
        JsonNode have = PlanContext.none();
        if (seen.get().isPresent()) {
            Live.RamRole live = seen.get().get();
            Policies.Canonical trust = Policies.canonicalLive(live.trustDocument(), PolicyType.TRUST);
            if (trust.problem().isPresent()) {
                ctx.error(
                        address,
                        "the live trust policy cannot be read as a policy ("
                                + trust.problem().get() + "); ossops will not overwrite it");
                return;
            }
            noteIfChanged(live.trustDocument(), trust.tree());
            ObjectNode h = JsonValues.JSON.objectNode();
            description(r.description().isPresent(), live.description(), h);
            live.maxSessionDuration().ifPresent(m -> h.put("maxSessionDuration", m));
            h.set("trust", trust.tree());
            have = h;
        }
        ctx.compare(address, want, have, List.of(Normalization.ROLE_MAX_SESSION_DEFAULT), false, List.of());
    }

    private void user(Ram.User u) {
        Address address = Address.of(Kind.RAM_USER, u.name());
        Optional<Optional<Live.RamUser>> seen = ctx.read(address, Live.RamUser.class);
        if (seen.isEmpty()) {
            return;
        }
        ObjectNode want = JsonValues.JSON.objectNode();
        u.displayName().ifPresent(d -> want.put("displayName", d));
        JsonNode have = seen.get()
                .map(live -> {
                    ObjectNode h = JsonValues.JSON.objectNode();
                    if (u.displayName().isPresent()) {
                        live.displayName().ifPresent(d -> h.put("displayName", d));
                    } else if (live.displayName().isPresent()) {
                        ctx.note(Normalization.RAM_DESCRIPTION_UNMANAGED);
                    }
                    return (JsonNode) h;
                })
                .orElse(PlanContext.none());
        ctx.add(address, have, want, false, List.of());
    }

    private void description(boolean managed, Optional<String> live, ObjectNode into) {
        if (managed) {
            live.ifPresent(d -> into.put("description", d));
        } else if (live.isPresent()) {
            ctx.note(Normalization.RAM_DESCRIPTION_UNMANAGED);
        }
    }

    private void attachments(
            Kind readKind, Kind kind, Kind principalKind, String principal, List<String> policies, Ram ram) {
        Map<String, Live.PolicyType> want = new LinkedHashMap<>();
        policies.forEach(
                p -> want.put(p, ram.policies().containsKey(p) ? Live.PolicyType.CUSTOM : Live.PolicyType.SYSTEM));
        Map<String, Live.PolicyType> have = new LinkedHashMap<>();
        Optional<Observed<?>> owner = ctx.live.get(Address.of(principalKind, principal));
        if (owner.isEmpty() || !owner.get().known()) {
            return; // the role or user itself is unknown, so are its attachments
        }
        if (owner.get().found().isPresent()) {
            Optional<Optional<Live.Attachments>> seen =
                    ctx.read(Address.of(readKind, principal), Live.Attachments.class);
            if (seen.isEmpty()) {
                return;
            }
            seen.get()
                    .ifPresent(a -> a.attached().stream()
                            .sorted(Comparator.comparing(Live.Attachment::policyName))
                            .forEach(x -> have.put(x.policyName(), x.policyType())));
        }
        Map<String, Boolean> names = new LinkedHashMap<>();
        want.keySet().forEach(n -> names.put(n, true));
        have.keySet().forEach(n -> names.put(n, true));
        for (String policy : names.keySet()) {
            ctx.add(
                    Address.of(kind, principal, policy),
                    attachment(policy, have.get(policy)),
                    attachment(policy, want.get(policy)),
                    false,
                    want.containsKey(policy) ? List.of() : List.of("attached live but not listed in the profile"));
        }
    }

    private static JsonNode attachment(String policy, Live.@Nullable PolicyType type) {
        if (type == null) {
            return PlanContext.none();
        }
        ObjectNode node = JsonValues.JSON.objectNode();
        node.put("policyName", policy);
        node.put("policyType", type.wire());
        return node;
    }

    private JsonNode canonical(String json, PolicyType type) {
        JsonNode tree = Policies.canonical(json, type);
        noteIfChanged(json, tree);
        return tree;
    }

    private void noteIfChanged(String json, JsonNode canonical) {
        if (!Policies.tree(json).equals(canonical)) {
            ctx.note(Normalization.POLICY_MEANING);
        }
    }
}
