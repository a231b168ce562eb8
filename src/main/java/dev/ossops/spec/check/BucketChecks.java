package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.schema.ProfileSchema;
import dev.ossops.spec.schema.Redaction;
import dev.ossops.spec.schema.ShapeValidator;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Rules that span several keys of one bucket, cross-references to other buckets and warnings. */
final class BucketChecks {

    private static final Set<String> REPLICATION_ACTIONS = Set.of("PUT", "DELETE", "ABORT");
    /** PutBucketTags refuses keys starting with these, in any case. */
    private static final List<String> RESERVED_TAG_PREFIXES = List.of("aliyun", "acs", "http://", "https://");

    private final CheckContext context;
    private final LifecycleChecks lifecycle;
    private final PolicyChecks policies;

    BucketChecks(CheckContext context) {
        this.context = context;
        this.lifecycle = new LifecycleChecks(context);
        this.policies = new PolicyChecks(context);
    }

    void check(String name, MapNode bucket, String path, List<String> bucketNames) {
        checkAcl(bucket, path);
        context.map(bucket, "encryption").ifPresent(encryption -> {
            Optional<Node> kmsKeyId = encryption.get("kmsKeyId");
            if (kmsKeyId.isPresent()
                    && encryption.string("algorithm").filter("KMS"::equals).isEmpty()) {
                context.problems()
                        .error(
                                ProblemCode.BUCKET,
                                kmsKeyId.get(),
                                PropertyPath.key(PropertyPath.key(path, "encryption"), "kmsKeyId"),
                                "kmsKeyId is only allowed with algorithm KMS");
            }
        });
        context.map(bucket, "tags").ifPresent(tags -> checkTags(tags, PropertyPath.key(path, "tags")));
        context.map(bucket, "logging")
                .ifPresent(
                        logging -> logging.get("targetBucket")
                                .ifPresent(
                                        target -> target.asString()
                                                .filter(t -> !bucketNames.contains(t))
                                                .ifPresent(
                                                        t -> context.problems()
                                                                .warning(
                                                                        ProblemCode.BUCKET,
                                                                        target,
                                                                        PropertyPath.key(
                                                                                PropertyPath.key(path, "logging"),
                                                                                "targetBucket"),
                                                                        "bucket '" + t
                                                                                + "' is not defined in this profile; it must already exist in the same region"))));
        bucket.get("policy")
                .filter(p -> !ShapeValidator.isExplicitlyEmpty(p))
                .ifPresent(p -> policies.check(p, PropertyPath.key(path, "policy"), PolicyChecks.Use.BUCKET));
        context.forEachMap(
                bucket,
                "replication",
                PropertyPath.key(path, "replication"),
                (rule, rulePath) -> checkReplication(name, rule, rulePath));
        checkLifecycle(bucket, path);
    }

    private void checkAcl(MapNode bucket, String path) {
        Optional<String> acl = bucket.string("acl");
        if (acl.filter("public-read-write"::equals).isPresent() && !bucket.has("allowPublicWrite")) {
            context.problems()
                    .error(
                            ProblemCode.BUCKET,
                            bucket.get("acl").orElseThrow(),
                            PropertyPath.key(path, "acl"),
                            "public-read-write "
                                    + "lets anyone on the internet write to this bucket; add allowPublicWrite: {reason: \"...\"} to confirm");
        }
        if (bucket.has("allowPublicWrite")
                && acl.filter("public-read-write"::equals).isEmpty()) {
            context.problems()
                    .warning(
                            ProblemCode.BUCKET,
                            bucket.get("allowPublicWrite").orElseThrow(),
                            PropertyPath.key(path, "allowPublicWrite"),
                            "has no effect unless acl is public-read-write");
        }
        if (acl.filter(a -> a.startsWith("public")).isPresent()
                && bucket.bool("blockPublicAccess").orElse(false)) {
            context.problems()
                    .warning(
                            ProblemCode.BUCKET,
                            bucket.get("acl").orElseThrow(),
                            PropertyPath.key(path, "acl"),
                            "acl " + acl.get() + " has no effect while blockPublicAccess is true");
        }
    }

    /** OSS measures bucket tag keys (1-64) and values (0-128) in UTF-8 bytes. */
    private void checkTags(MapNode tags, String path) {
        for (MapNode.Entry tag : tags.entries().values()) {
            String tagPath = PropertyPath.key(path, tag.key());
            String lower = tag.key().toLowerCase(Locale.ROOT);
            int keyBytes = tag.key().getBytes(StandardCharsets.UTF_8).length;
            if (keyBytes == 0 || keyBytes > ProfileSchema.MAX_TAG_KEY_BYTES) {
                context.problems()
                        .error(
                                ProblemCode.BUCKET,
                                tag.keyLocation(),
                                tagPath,
                                "a bucket tag key has 1-" + ProfileSchema.MAX_TAG_KEY_BYTES + " bytes (UTF-8), got "
                                        + keyBytes);
            }
            RESERVED_TAG_PREFIXES.stream()
                    .filter(lower::startsWith)
                    .findFirst()
                    .ifPresent(prefix -> context.problems()
                            .error(
                                    ProblemCode.BUCKET,
                                    tag.keyLocation(),
                                    tagPath,
                                    "a bucket tag key must not start with '" + prefix
                                            + "' (in any case); OSS reserves http://, https://, aliyun and acs"));
            tag.value()
                    .asString()
                    .map(v -> v.getBytes(StandardCharsets.UTF_8).length)
                    .filter(bytes -> bytes > ProfileSchema.MAX_TAG_VALUE_BYTES)
                    .ifPresent(bytes -> context.problems()
                            .error(
                                    ProblemCode.BUCKET,
                                    tag.value(),
                                    tagPath,
                                    "a bucket tag value has at most " + ProfileSchema.MAX_TAG_VALUE_BYTES
                                            + " bytes (UTF-8), got " + bytes));
        }
    }

    private void checkReplication(String bucketName, MapNode rule, String path) {
        rule.get("action")
                .ifPresent(action -> action.asString().ifPresent(text -> {
                    List<String> parts = List.of(text.split(",", -1));
                    boolean valid = text.equals("ALL")
                            || (parts.stream().allMatch(p -> REPLICATION_ACTIONS.contains(p.strip()))
                                    && parts.stream()
                                                    .map(String::strip)
                                                    .distinct()
                                                    .count()
                                            == parts.size());
                    if (!valid) {
                        context.problems()
                                .error(
                                        ProblemCode.BUCKET,
                                        action,
                                        PropertyPath.key(path, "action"),
                                        Redaction.quote(text) + " is not a valid "
                                                + "replication action; accepted: ALL, or a comma-separated combination of PUT, DELETE and ABORT (e.g. PUT,DELETE)");
                    }
                }));
        context.map(rule, "destination")
                .ifPresent(destination -> destination
                        .get("bucket")
                        .ifPresent(bucket -> bucket.asString()
                                .filter(bucketName::equals)
                                .ifPresent(b -> context.problems()
                                        .error(
                                                ProblemCode.BUCKET,
                                                bucket,
                                                PropertyPath.key(PropertyPath.key(path, "destination"), "bucket"),
                                                "a bucket cannot replicate to itself; name another bucket"))));
    }

    private void checkLifecycle(MapNode bucket, String path) {
        String lifecyclePath = PropertyPath.key(path, "lifecycle");
        Optional<Node> managed = bucket.get("lifecycle").filter(l -> !ShapeValidator.isExplicitlyEmpty(l));
        LifecycleChecks.Rules rules =
                managed.map(l -> lifecycle.rules(l, lifecyclePath)).orElse(new LifecycleChecks.Rules(List.of(), true));
        managed.ifPresent(l -> lifecycle.check(l, lifecyclePath, rules.rules()));
        if (!rules.complete()) {
            return; // an unreadable document may hold the rules the warnings below would miss
        }
        managed.ifPresent(l -> {
            boolean aborts =
                    rules.rules().stream().anyMatch(r -> r.enabled() && r.node().has("AbortMultipartUpload"));
            if (!aborts) {
                context.problems()
                        .warning(
                                ProblemCode.BUCKET,
                                l,
                                lifecyclePath,
                                "no enabled rule aborts incomplete "
                                        + "multipart uploads; their parts are billed until removed (add an AbortMultipartUpload rule)");
            }
        });
        bucket.get("versioning")
                .filter(v -> v.asString().filter("Enabled"::equals).isPresent())
                .ifPresent(versioning -> {
                    boolean expiresNoncurrent = rules.rules().stream()
                            .anyMatch(r -> r.enabled() && r.node().has("NoncurrentVersionExpiration"));
                    if (!expiresNoncurrent) {
                        context.problems()
                                .warning(
                                        ProblemCode.BUCKET,
                                        versioning,
                                        PropertyPath.key(path, "versioning"),
                                        "versioning is Enabled but no "
                                                + "lifecycle rule sets NoncurrentVersionExpiration; previous versions are kept and billed forever");
                    }
                });
    }
}
