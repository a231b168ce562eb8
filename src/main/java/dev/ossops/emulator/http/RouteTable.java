package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of OSS sub-resources and what the emulator does with each: a query parameter
 * that names an OSS API (a sub-resource, such as {@code ?acl} or {@code ?symlink}) is routed to
 * that API or refused with NotImplemented, never served as another API. Parameters that only
 * modify a request ({@code prefix}, {@code versionId}, {@code partNumber}, {@code position},
 * {@code response-*}, {@code x-oss-*}, signature parameters, ...) are not in the table.
 *
 * <p>The names are OSS's documented sub-resources (API reference, and the V1 signer's list of
 * signed sub-resources in the official SDKs), written down here per target. To serve a new API,
 * add its {@link Route} and put it in its row: {@code row(BUCKET, "requestPayment")} (unserved)
 * becomes {@code row(BUCKET, "requestPayment", "GET", Route.X, "PUT", Route.Y)}.
 */
public final class RouteTable {
    /** What a request addresses. */
    public enum Target {
        SERVICE,
        BUCKET,
        OBJECT
    }

    /** Sub-resources whose codecs serve them as bucket configurations (GET, PUT, DELETE). */
    private static final Map<String, Route> CONFIGURATION = Map.of(
            "GET",
            Route.GET_BUCKET_CONFIG,
            "HEAD",
            Route.GET_BUCKET_CONFIG,
            "PUT",
            Route.PUT_BUCKET_CONFIG,
            "DELETE",
            Route.DELETE_BUCKET_CONFIG);

    /** Rows by target, then sub-resource name, then method; an empty method map means documented but not served. */
    private static final Map<Target, Map<String, Map<String, Route>>> ROWS = new LinkedHashMap<>();

    static {
        // The endpoint itself.
        row(
                Target.SERVICE,
                "publicAccessBlock",
                "GET",
                Route.GET_PUBLIC_ACCESS_BLOCK,
                "PUT",
                Route.PUT_PUBLIC_ACCESS_BLOCK,
                "DELETE",
                Route.DELETE_PUBLIC_ACCESS_BLOCK);
        row(Target.SERVICE, "regions");
        row(Target.SERVICE, "qosInfo");
        row(Target.SERVICE, "resourcePool");
        row(Target.SERVICE, "redundancyTransition");
        row(Target.SERVICE, "accessPoint");
        row(Target.SERVICE, "x-oss-write-get-object-response");

        // Buckets.
        row(
                Target.BUCKET,
                "acl",
                "GET",
                Route.GET_BUCKET_ACL,
                "HEAD",
                Route.GET_BUCKET_ACL,
                "PUT",
                Route.PUT_BUCKET_ACL);
        row(Target.BUCKET, "location", "GET", Route.GET_BUCKET_LOCATION, "HEAD", Route.GET_BUCKET_LOCATION);
        row(Target.BUCKET, "bucketInfo", "GET", Route.GET_BUCKET_INFO, "HEAD", Route.GET_BUCKET_INFO);
        row(Target.BUCKET, "stat", "GET", Route.GET_BUCKET_STAT, "HEAD", Route.GET_BUCKET_STAT);
        row(
                Target.BUCKET,
                "policyStatus",
                "GET",
                Route.GET_BUCKET_POLICY_STATUS,
                "HEAD",
                Route.GET_BUCKET_POLICY_STATUS);
        row(
                Target.BUCKET,
                "versioning",
                "GET",
                Route.GET_BUCKET_VERSIONING,
                "HEAD",
                Route.GET_BUCKET_VERSIONING,
                "PUT",
                Route.PUT_BUCKET_VERSIONING);
        row(Target.BUCKET, "versions", "GET", Route.LIST_OBJECT_VERSIONS, "HEAD", Route.LIST_OBJECT_VERSIONS);
        row(Target.BUCKET, "uploads", "GET", Route.LIST_MULTIPART_UPLOADS, "HEAD", Route.LIST_MULTIPART_UPLOADS);
        row(Target.BUCKET, "delete", "POST", Route.DELETE_MULTIPLE_OBJECTS);
        row(
                Target.BUCKET,
                "replication",
                "GET",
                Route.GET_BUCKET_REPLICATION,
                "HEAD",
                Route.GET_BUCKET_REPLICATION,
                "POST",
                Route.PUT_BUCKET_REPLICATION);
        row(
                Target.BUCKET,
                "replicationLocation",
                "GET",
                Route.GET_BUCKET_REPLICATION_LOCATION,
                "HEAD",
                Route.GET_BUCKET_REPLICATION_LOCATION);
        row(
                Target.BUCKET,
                "replicationProgress",
                "GET",
                Route.GET_BUCKET_REPLICATION_PROGRESS,
                "HEAD",
                Route.GET_BUCKET_REPLICATION_PROGRESS);
        row(
                Target.BUCKET,
                "logging",
                "GET",
                Route.GET_BUCKET_CONFIG,
                "HEAD",
                Route.GET_BUCKET_CONFIG,
                "PUT",
                Route.PUT_BUCKET_LOGGING,
                "DELETE",
                Route.DELETE_BUCKET_CONFIG);
        for (String configuration : new String[] {
            "cors",
            "lifecycle",
            "encryption",
            "policy",
            "tagging",
            "referer",
            "publicAccessBlock",
            "website",
            "inventory",
            "transferAcceleration",
            "httpsConfig",
            "worm"
        }) {
            configurationRow(configuration);
        }
        // Configurations OSS has no Delete API for: Put/GetBucketRequestPayment, Put/GetBucketAccessMonitor,
        // Put/GetBucketResourceGroup.
        row(
                Target.BUCKET,
                "resourceGroup",
                "GET",
                Route.GET_BUCKET_CONFIG,
                "HEAD",
                Route.GET_BUCKET_CONFIG,
                "PUT",
                Route.PUT_BUCKET_CONFIG);
        row(
                Target.BUCKET,
                "requestPayment",
                "GET",
                Route.GET_BUCKET_CONFIG,
                "HEAD",
                Route.GET_BUCKET_CONFIG,
                "PUT",
                Route.PUT_BUCKET_CONFIG);
        row(
                Target.BUCKET,
                "accessmonitor",
                "GET",
                Route.GET_BUCKET_CONFIG,
                "HEAD",
                Route.GET_BUCKET_CONFIG,
                "PUT",
                Route.PUT_BUCKET_CONFIG);
        for (String unserved : new String[] {
            "cname",
            "qos",
            "qosInfo",
            "live",
            "img",
            "style",
            "vod",
            "udf",
            "asyncFetch",
            "wormId",
            "wormExtend",
            "metaQuery",
            "bucketArchiveDirectRead",
            "redundancyTransition",
            "accessPoint",
            "accessPointPolicy",
            "responseHeader",
            "userDefinedLogFieldsConfig",
            "overwriteConfig",
            "dataaccelerator",
            "processConfiguration",
            "regionList",
            "objectInfo",
            "cleanRestoredObject",
            "append",
            "seal",
            "restore",
            "symlink",
            "objectMeta",
            "uploadId",
            "x-oss-process",
            "x-oss-async-process",
            "x-oss-rename",
            "x-oss-dir",
            "x-oss-delete"
        }) {
            row(Target.BUCKET, unserved);
        }

        // Objects.
        row(Target.OBJECT, "acl", "GET", Route.GET_OBJECT_ACL, "PUT", Route.PUT_OBJECT_ACL);
        row(
                Target.OBJECT,
                "tagging",
                "GET",
                Route.GET_OBJECT_TAGGING,
                "PUT",
                Route.PUT_OBJECT_TAGGING,
                "DELETE",
                Route.DELETE_OBJECT_TAGGING);
        row(Target.OBJECT, "objectMeta", "GET", Route.GET_OBJECT_META, "HEAD", Route.GET_OBJECT_META);
        row(Target.OBJECT, "uploads", "POST", Route.INITIATE_MULTIPART_UPLOAD);
        // PUT ?uploadId is UploadPart, or UploadPartCopy with x-oss-copy-source (see resolve).
        row(
                Target.OBJECT,
                "uploadId",
                "GET",
                Route.LIST_PARTS,
                "PUT",
                Route.UPLOAD_PART,
                "POST",
                Route.COMPLETE_MULTIPART_UPLOAD,
                "DELETE",
                Route.ABORT_MULTIPART_UPLOAD);
        row(Target.OBJECT, "append", "POST", Route.APPEND_OBJECT);
        row(Target.OBJECT, "seal", "POST", Route.SEAL_APPEND_OBJECT);
        row(Target.OBJECT, "restore", "POST", Route.RESTORE_OBJECT);
        row(Target.OBJECT, "symlink", "GET", Route.GET_SYMLINK, "PUT", Route.PUT_SYMLINK);
        for (String unserved : new String[] {
            "live",
            "vod",
            "x-oss-process",
            "x-oss-async-process",
            "cleanRestoredObject",
            "x-oss-rename",
            "x-oss-dir",
            "x-oss-delete",
            "objectInfo",
            "img",
            "style",
            "udf",
            "location",
            "cors",
            "lifecycle",
            "logging",
            "website",
            "referer",
            "delete",
            "replication",
            "replicationProgress",
            "replicationLocation",
            "cname",
            "bucketInfo",
            "stat",
            "versions",
            "versioning",
            "encryption",
            "policy",
            "requestPayment",
            "inventory",
            "worm",
            "wormId",
            "wormExtend",
            "transferAcceleration",
            "resourceGroup",
            "httpsConfig",
            "publicAccessBlock",
            "policyStatus",
            "accessmonitor",
            "metaQuery",
            "qos",
            "qosInfo",
            "asyncFetch",
            "bucketArchiveDirectRead",
            "redundancyTransition",
            "accessPoint",
            "accessPointPolicy",
            "responseHeader",
            "regionList"
        }) {
            row(Target.OBJECT, unserved);
        }
    }

    private final BucketConfigRegistry registry;

    public RouteTable(BucketConfigRegistry registry) {
        this.registry = registry;
    }

    /** A route and the sub-resource that selected it (null when none did). */
    record Resolved(Route route, @Nullable String subresource) {
        /** The sub-resource of a configuration route, which only its sub-resource selects. */
        String configuration() {
            if (subresource == null) {
                throw new IllegalStateException(route + " was resolved without a sub-resource");
            }
            return subresource;
        }

        /** The API's name as the request counters show it. */
        String apiName() {
            // A configuration route is only ever selected by its sub-resource.
            return route.isConfiguration() && subresource != null
                    ? route.apiName() + capitalized(subresource)
                    : route.apiName();
        }
    }

    /**
     * The route for {@code r}: through its sub-resource when it names one, otherwise by method,
     * headers and listing parameters. Throws NotImplemented for a sub-resource the emulator does
     * not serve, MethodNotAllowed for a method that a served sub-resource, or a resource without
     * one, has no API for.
     */
    Resolved resolve(OssRequest r) {
        Target target = r.bucket() == null ? Target.SERVICE : r.key() == null ? Target.BUCKET : Target.OBJECT;
        Optional<String> sub = subresource(target, r);
        if (sub.isPresent()) {
            Map<String, Route> methods = ROWS.getOrDefault(target, Map.of()).getOrDefault(sub.get(), Map.of());
            if (!served(methods, sub.get())) {
                throw notImplemented(target, sub.get());
            }
            Route route = methods.get(r.method());
            if (route == null) {
                throw notAllowed();
            }
            return new Resolved(variant(route, r), sub.get());
        }
        return new Resolved(plain(target, r), null);
    }

    /** The counters' name for {@code r}, the same resolution without failing. */
    String apiName(OssRequest r) {
        try {
            return resolve(r).apiName();
        } catch (OssException e) {
            return e.error() == OssError.NOT_IMPLEMENTED ? "NotImplemented" : "MethodNotAllowed";
        }
    }

    /** The sub-resources this table knows for {@code target}, served or not. */
    public static Set<String> subresources(Target target) {
        return Set.copyOf(ROWS.getOrDefault(target, Map.of()).keySet());
    }

    /**
     * What {@code method} on {@code subresource} at {@code target} is routed to: the API that serves
     * it (before variants such as UploadPartCopy), "NotImplemented" for a sub-resource the emulator
     * does not serve, "MethodNotAllowed" for a method a served sub-resource has no API for.
     */
    public String outcome(Target target, String subresource, String method) {
        Map<String, Route> methods = ROWS.getOrDefault(target, Map.of()).getOrDefault(subresource, Map.of());
        if (!served(methods, subresource)) {
            return "NotImplemented";
        }
        Route route = methods.get(method);
        return route == null ? "MethodNotAllowed" : new Resolved(route, subresource).apiName();
    }

    /** A row is served when it has routes, and for configurations when a codec serves the sub-resource. */
    private boolean served(Map<String, Route> methods, String subresource) {
        return !methods.isEmpty()
                && (methods != CONFIGURATION || registry.codec(subresource).isPresent());
    }

    /** The first query parameter that is a sub-resource of {@code target}. */
    private static Optional<String> subresource(Target target, OssRequest r) {
        Map<String, Map<String, Route>> rows = ROWS.getOrDefault(target, Map.of());
        return r.query().stream()
                .map(Map.Entry::getKey)
                .filter(rows::containsKey)
                .findFirst();
    }

    private static Route variant(Route route, OssRequest r) {
        boolean copy = r.headerOrNull("x-oss-copy-source") != null;
        if (route == Route.UPLOAD_PART && copy) {
            return Route.UPLOAD_PART_COPY;
        }
        if (route == Route.PUT_BUCKET_REPLICATION && "delete".equals(r.param("comp"))) {
            return Route.DELETE_BUCKET_REPLICATION;
        }
        return route;
    }

    /** Requests without a sub-resource. */
    private static Route plain(Target target, OssRequest r) {
        String method = r.method();
        return switch (target) {
            case SERVICE -> {
                if (method.equals("GET")) {
                    yield Route.LIST_BUCKETS;
                }
                throw notAllowed();
            }
            case BUCKET ->
                switch (method) {
                    case "GET", "HEAD" -> "2".equals(r.param("list-type")) ? Route.LIST_OBJECTS_V2 : Route.LIST_OBJECTS;
                    case "PUT" -> Route.PUT_BUCKET;
                    case "DELETE" -> Route.DELETE_BUCKET;
                    case "POST" -> {
                        if (PostObjectRoutes.isForm(r)) {
                            yield Route.POST_OBJECT;
                        }
                        throw notAllowed();
                    }
                    default -> throw notAllowed();
                };
            case OBJECT ->
                switch (method) {
                    case "GET" -> Route.GET_OBJECT;
                    case "HEAD" -> Route.HEAD_OBJECT;
                    case "PUT" -> r.headerOrNull("x-oss-copy-source") != null ? Route.COPY_OBJECT : Route.PUT_OBJECT;
                    case "DELETE" -> Route.DELETE_OBJECT;
                    default -> throw notAllowed();
                };
        };
    }

    private static void row(Target target, String subresource, Object... methodsAndRoutes) {
        Map<String, Route> methods = new LinkedHashMap<>();
        for (int i = 0; i < methodsAndRoutes.length; i += 2) {
            methods.put((String) methodsAndRoutes[i], (Route) methodsAndRoutes[i + 1]);
        }
        Map<String, Map<String, Route>> rows = ROWS.computeIfAbsent(target, t -> new LinkedHashMap<>());
        if (rows.put(subresource, Map.copyOf(methods)) != null) {
            throw new IllegalStateException("two rows for ?" + subresource + " on " + target);
        }
    }

    private static void configurationRow(String subresource) {
        if (ROWS.computeIfAbsent(Target.BUCKET, t -> new LinkedHashMap<>()).put(subresource, CONFIGURATION) != null) {
            throw new IllegalStateException("two rows for ?" + subresource + " on BUCKET");
        }
    }

    private static OssException notImplemented(Target target, String subresource) {
        return new OssException(
                OssError.NOT_IMPLEMENTED,
                "The emulator does not implement the " + target.name().toLowerCase(Locale.ROOT) + " sub-resource ?"
                        + subresource + ".");
    }

    private static OssException notAllowed() {
        return new OssException(OssError.METHOD_NOT_ALLOWED);
    }

    private static String capitalized(String sub) {
        if (sub.equals("accessmonitor")) {
            return "AccessMonitor"; // the API reference's PutBucketAccessMonitor, for an all-lowercase sub-resource
        }
        return sub.substring(0, 1).toUpperCase(Locale.ROOT) + sub.substring(1);
    }
}
