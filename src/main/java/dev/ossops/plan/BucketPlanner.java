package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.PolicyType;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.Managed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;
import static dev.ossops.plan.Normalization.*;

/** Plans one bucket: existence and create-only properties, then each managed sub-configuration. */
final class BucketPlanner {
    private final PlanContext ctx;

    BucketPlanner(PlanContext ctx) {
        this.ctx = ctx;
    }

    void plan(Bucket bucket) {
        Address address = Address.of(Kind.BUCKET, bucket.name());
        Optional<Optional<Live.Bucket>> seen = ctx.read(address, Live.Bucket.class);
        if (seen.isEmpty()) {
            return;
        }
        ObjectNode desired = JsonValues.JSON.objectNode();
        desired.put("region", bucket.region().orElse(ctx.profile.region()));
        bucket.storageClass().ifPresent(s -> desired.put("storageClass", s));
        bucket.redundancy().ifPresent(r -> desired.put("redundancy", r));
        boolean isNew = seen.get().isEmpty();
        JsonNode live = seen.get().map(JsonValues::of).orElse(PlanContext.none());
        PlanContext.Normalised n = ctx.normalise(desired, live, List.of(BUCKET_CREATE_DEFAULTS));
        List<FieldDiff> createOnly = isNew ? List.of() : Diffs.between(n.live(), n.desired());
        if (!createOnly.isEmpty()) {
            String what = String.join(
                    ", ",
                    createOnly.stream()
                            .map(d -> d.path() + " (live " + d.before().asText() + ", profile "
                                    + d.after().asText() + ")")
                            .toList());
            ctx.addChange(new Change(
                    address,
                    Action.REPLACE,
                    n.live(),
                    n.desired(),
                    createOnly,
                    List.of("create-only: " + what),
                    List.of(new Danger(
                            DangerRule.CREATE_ONLY_CHANGED, what + " can only be set when the bucket is created")),
                    List.of()));
            ctx.error(
                    address,
                    what + " can only be set when the bucket is created; ossops never deletes a bucket to "
                            + "replace it: create a new bucket and copy the data, or change the profile to match");
            return;
        }
        ctx.add(address, n.live(), n.desired(), false, isNew ? List.of("bucket does not exist") : List.of());
        managed(bucket, isNew);
    }

    private void managed(Bucket b, boolean isNew) {
        String name = b.name();
        simple(b.acl(), Address.of(Kind.ACL, name), String.class, isNew, List.of());
        simple(
                b.versioning(),
                Address.of(Kind.VERSIONING, name),
                String.class,
                isNew,
                List.of(VERSIONING_NEVER_ENABLED));
        simple(
                b.encryption(),
                Address.of(Kind.ENCRYPTION, name),
                Bucket.Encryption.class,
                isNew,
                List.of(ENCRYPTION_EMPTY_KEY));
        simple(
                b.blockPublicAccess(),
                Address.of(Kind.BLOCK_PUBLIC_ACCESS, name),
                Boolean.class,
                isNew,
                List.of(BLOCK_PUBLIC_ACCESS_OFF));
        simple(
                b.cors(),
                Address.of(Kind.CORS, name),
                CorsConfiguration.class,
                isNew,
                List.of(CORS_VALUE_SETS, CORS_RULE_SET, CORS_RESPONSE_VARY));
        simple(
                b.lifecycle(),
                Address.of(Kind.LIFECYCLE, name),
                List.class,
                isNew,
                List.of(LIFECYCLE_FALSE_FLAGS, LIFECYCLE_DATE_DAY, LIFECYCLE_FILTER_SETS, LIFECYCLE_BY_ID));
        simple(b.tags(), Address.of(Kind.TAGS, name), Map.class, isNew, List.of(TAGS_KEY_ORDER));
        simple(b.logging(), Address.of(Kind.LOGGING, name), Bucket.Logging.class, isNew, List.of());
        simple(
                b.referer(),
                Address.of(Kind.REFERER, name),
                Bucket.Referer.class,
                isNew,
                List.of(REFERER_UNSET, REFERER_LIST_SETS));
        policy(b, isNew);
        replication(b, isNew);
    }

    /** A sub-configuration compared as one value; {@code liveType} is the type the reader stores at the address. */
    private <T> void simple(
            Managed<T> desired, Address address, Class<?> liveType, boolean isNew, List<Normalization> rules) {
        if (!desired.isManaged()) {
            return;
        }
        JsonNode want = desired.value().map(JsonValues::of).orElse(PlanContext.none());
        JsonNode have = PlanContext.none();
        if (!isNew) {
            Optional<? extends Optional<?>> seen = ctx.read(address, liveType);
            if (seen.isEmpty()) {
                return;
            }
            have = seen.get().map(JsonValues::of).orElse(PlanContext.none());
        }
        ctx.compare(address, want, have, rules, isNew, List.of());
    }

    private void policy(Bucket b, boolean isNew) {
        if (!b.policy().isManaged()) {
            return;
        }
        Address address = Address.of(Kind.POLICY, b.name());
        JsonNode want =
                b.policy().value().map(doc -> canonical(Policies.json(doc))).orElse(PlanContext.none());
        JsonNode have = PlanContext.none();
        if (!isNew) {
            Optional<Optional<String>> seen = ctx.read(address, String.class);
            if (seen.isEmpty()) {
                return;
            }
            if (seen.get().isPresent()) {
                Policies.Canonical live = Policies.canonicalLive(seen.get().get(), PolicyType.BUCKET);
                if (live.problem().isPresent()) {
                    ctx.error(
                            address,
                            "the live bucket policy cannot be read as a policy ("
                                    + live.problem().get() + "); ossops will not overwrite it");
                    return;
                }
                noteIfChanged(seen.get().get(), live.tree());
                have = live.tree();
            }
        }
        ctx.add(address, have, want, isNew, List.of());
    }

    private JsonNode canonical(String json) {
        JsonNode tree = Policies.canonical(json, PolicyType.BUCKET);
        noteIfChanged(json, tree);
        return tree;
    }

    private void noteIfChanged(String json, JsonNode canonical) {
        if (!Policies.tree(json).equals(canonical)) {
            ctx.note(POLICY_MEANING);
        }
    }

    private void replication(Bucket b, boolean isNew) {
        if (!b.replication().isManaged()) {
            return;
        }
        Map<String, Bucket.ReplicationRule> want = b.replication().value().orElse(Map.of());
        Map<?, ?> have = Map.of();
        if (!isNew) {
            Optional<? extends Optional<?>> seen = ctx.read(Address.of(Kind.REPLICATION, b.name()), Map.class);
            if (seen.isEmpty()) {
                return;
            }
            have = seen.get().map(m -> (Map<?, ?>) m).orElse(Map.of());
        }
        // Profile rules in profile order, then rules only live in name order (readers hand maps of any order).
        Set<String> names = new LinkedHashSet<>(want.keySet());
        have.keySet().stream().map(String::valueOf).sorted().forEach(names::add);
        for (String rule : names) {
            Address address = Address.of(Kind.REPLICATION_RULE, b.name(), rule);
            JsonNode d = Optional.ofNullable(want.get(rule))
                    .map(BucketPlanner::ruleJson)
                    .orElse(PlanContext.none());
            Object live = have.get(rule);
            if (live != null && !(live instanceof Bucket.ReplicationRule)) {
                throw new IllegalStateException(
                        "live reader stored a " + live.getClass().getSimpleName() + " as replication rule " + address);
            }
            JsonNode l = live == null ? PlanContext.none() : ruleJson((Bucket.ReplicationRule) live);
            PlanContext.Normalised n = ctx.normalise(d, l, List.of(REPLICATION_PREFIX_SET));
            if (!n.desired().isNull() && !n.live().isNull() && !n.desired().equals(n.live())) {
                // OSS has no call to modify a replication rule: delete it and add it again; the bucket stays.
                ctx.add(
                        address,
                        Action.REPLACE,
                        n.live(),
                        n.desired(),
                        isNew,
                        List.of("replication rules cannot be modified in place: apply deletes rule " + rule
                                + " and adds it again; the bucket and other rules are untouched"));
            } else {
                ctx.add(address, n.live(), n.desired(), isNew, List.of());
            }
        }
    }

    private static JsonNode ruleJson(Bucket.ReplicationRule rule) {
        ObjectNode node = (ObjectNode) JsonValues.of(rule);
        node.remove("name");
        return node;
    }
}
