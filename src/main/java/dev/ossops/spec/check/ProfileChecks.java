package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.schema.ProfileSchema;
import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks that need more than one value: combinations, cross-references and likely mistakes. They run after
 * the structural checks and skip values of the wrong kind, which those already reported.
 */
public final class ProfileChecks {

    private static final MapNode EMPTY = new MapNode(new Location("", 1, 1), Map.of());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private final CheckContext context;

    public ProfileChecks(CheckContext context) {
        this.context = context;
    }

    public void run() {
        MapNode profile = context.profile();
        List<String> bucketNames = context.names(profile, "buckets");
        checkCredentials(profile);
        checkEmulator(profile);
        BucketChecks buckets = new BucketChecks(context);
        context.section(profile, "buckets")
                .values()
                .forEach(entry -> entry.value()
                        .asMap()
                        .ifPresent(bucket -> buckets.check(
                                entry.key(), bucket, PropertyPath.key("buckets", entry.key()), bucketNames)));
        context.map(profile, "ram").ifPresent(ram -> new RamChecks(context).check(ram, profile.has("uploader")));
        context.map(profile, "cdn").ifPresent(cdn -> new CdnChecks(context).check(cdn, bucketNames));
        context.map(profile, "uploader").ifPresent(uploader -> checkUploader(uploader, bucketNames));
        context.map(profile, "serve").ifPresent(serve -> checkServe(profile, serve));
        new AccessChecks(context).check(profile);
    }

    private void checkServe(MapNode profile, MapNode serve) {
        if (!profile.has("uploader")) {
            context.problems()
                    .error(
                            ProblemCode.SETTINGS,
                            serve,
                            "serve",
                            "needs an uploader section: serve hands out uploads to its bucket, "
                                    + "with its allowedContentTypes and maxSizeBytes");
        }
        if (!serve.has("apiKeys") && !serve.has("apiKeysFile")) {
            context.problems()
                    .error(
                            ProblemCode.SETTINGS,
                            serve,
                            "serve",
                            "needs apiKeys or apiKeysFile: every caller authenticates with an API key");
        }
        serve.get("cdnDomain")
                .ifPresent(
                        domain -> domain.asString()
                                .filter(d -> !context.names(
                                                context.map(profile, "cdn").orElse(EMPTY), "domains")
                                        .contains(d))
                                .ifPresent(
                                        d -> context.problems()
                                                .warning(
                                                        ProblemCode.SETTINGS,
                                                        domain,
                                                        "serve.cdnDomain",
                                                        "domain '" + d
                                                                + "' is not defined in this profile's cdn.domains; it must already serve the uploader bucket")));
    }

    private void checkCredentials(MapNode profile) {
        context.map(profile, "credentials").ifPresent(credentials -> {
            String source = credentials.string("source").orElse("");
            onlyWith(credentials, "profile", "aliyun-cli", source);
            onlyWith(credentials, "roleName", "ecs-ram-role", source);
        });
    }

    private void onlyWith(MapNode credentials, String key, String source, String actual) {
        credentials
                .get(key)
                .filter(v -> !source.equals(actual))
                .ifPresent(value -> context.problems()
                        .error(
                                ProblemCode.SETTINGS,
                                value,
                                PropertyPath.key("credentials", key),
                                key + " is only used with source " + source));
    }

    private void checkEmulator(MapNode profile) {
        profile.get("emulator")
                .filter(e ->
                        profile.string("endpoint").filter("embedded"::equals).isEmpty())
                .ifPresent(emulator -> context.problems()
                        .warning(
                                ProblemCode.SETTINGS,
                                emulator,
                                "emulator",
                                "is ignored unless endpoint is 'embedded'"));
    }

    private void checkUploader(MapNode uploader, List<String> bucketNames) {
        uploader.get("bucket")
                .ifPresent(bucket -> bucket.asString()
                        .filter(b -> !bucketNames.contains(b))
                        .ifPresent(b -> context.problems()
                                .warning(
                                        ProblemCode.SETTINGS,
                                        bucket,
                                        "uploader.bucket",
                                        "bucket '" + b + "' is not defined in this profile; it must already exist")));
        uploader.get("keyLayout")
                .ifPresent(layout -> layout.asString().ifPresent(text -> {
                    Matcher matcher = PLACEHOLDER.matcher(text);
                    while (matcher.find()) {
                        if (!ProfileSchema.KEY_LAYOUT_PLACEHOLDERS.contains(matcher.group())) {
                            context.problems()
                                    .error(
                                            ProblemCode.SETTINGS,
                                            layout,
                                            "uploader.keyLayout",
                                            "unknown placeholder '" + matcher.group() + "'; accepted: "
                                                    + String.join(" ", ProfileSchema.KEY_LAYOUT_PLACEHOLDERS));
                        }
                    }
                    // {timestamp} alone is not enough: parallel uploads of one run share a millisecond, and the
                    // uploader refuses such a layout (KeyLayout), so validate must too.
                    if (!text.contains("{uuid}") && !text.contains("{filename}")) {
                        context.problems()
                                .error(
                                        ProblemCode.SETTINGS,
                                        layout,
                                        "uploader.keyLayout",
                                        "needs {uuid} or {filename}, "
                                                + "or files uploaded in the same run would get the same key");
                    }
                }));
    }
}
