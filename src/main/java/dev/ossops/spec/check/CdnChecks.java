package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;

/** A CDN domain has one origin; private OSS access needs an OSS origin; cache rules match one way. */
final class CdnChecks {

    private final CheckContext context;

    CdnChecks(CheckContext context) {
        this.context = context;
    }

    void check(MapNode cdn, List<String> bucketNames) {
        context.forEachMap(cdn, "domains", "cdn.domains", (domain, path) -> {
            context.map(domain, "origin")
                    .ifPresent(origin -> checkOrigin(origin, PropertyPath.key(path, "origin"), bucketNames));
            boolean ossOrigin =
                    context.map(domain, "origin").map(o -> o.has("ossBucket")).orElse(false);
            domain.get("privateOssAuth")
                    .filter(p -> p.asBoolean().orElse(false) && !ossOrigin)
                    .ifPresent(p -> context.problems()
                            .error(
                                    ProblemCode.CDN,
                                    p,
                                    PropertyPath.key(path, "privateOssAuth"),
                                    "privateOssAuth only applies to an origin with ossBucket"));
            domain.get("cacheTtl")
                    .filter(ListNode.class::isInstance)
                    .map(ListNode.class::cast)
                    .ifPresent(rules -> {
                        for (int i = 0; i < rules.items().size(); i++) {
                            Node rule = rules.items().get(i);
                            if (rule instanceof MapNode map && map.has("fileTypes") == map.has("paths")) {
                                context.problems()
                                        .error(
                                                ProblemCode.CDN,
                                                map,
                                                PropertyPath.index(PropertyPath.key(path, "cacheTtl"), i),
                                                "set exactly one of fileTypes or paths");
                            }
                        }
                    });
        });
    }

    private void checkOrigin(MapNode origin, String path, List<String> bucketNames) {
        long kinds = List.of("ossBucket", "domain", "ip").stream()
                .filter(origin::has)
                .count();
        if (kinds != 1) {
            context.problems()
                    .error(ProblemCode.CDN, origin, path, "set exactly one of ossBucket, domain or ip; found " + kinds);
        }
        origin.get("ossBucket")
                .ifPresent(bucket -> bucket.asString()
                        .filter(b -> !bucketNames.contains(b))
                        .ifPresent(b -> context.problems()
                                .warning(
                                        ProblemCode.CDN,
                                        bucket,
                                        PropertyPath.key(path, "ossBucket"),
                                        "bucket '" + b + "' is not defined in this profile; it must already exist")));
    }
}
