package dev.ossops.emulator.http;

import java.util.Locale;
import java.util.Set;

/**
 * The OSS API name of a request (PutObject, UploadPart, GetBucketCors, ...) for the request
 * counters. Mirrors {@link Router}'s dispatch, without checking anything.
 */
final class ApiNames {
    /** Bucket query parameters that are listing options, not sub-resources. */
    private static final Set<String> LIST_PARAMETERS = Set.of("prefix", "marker", "delimiter", "max-keys", "encoding-type",
            "list-type", "continuation-token", "start-after", "fetch-owner");

    private ApiNames() {
    }

    static String of(OssRequest r) {
        if (r.method().equals("OPTIONS")) {
            return "Options";
        }
        if (r.bucket() == null) {
            if (r.hasQueryParameter("publicAccessBlock")) {
                return switch (r.method()) {
                    case "GET" -> "GetPublicAccessBlock";
                    case "PUT" -> "PutPublicAccessBlock";
                    case "DELETE" -> "DeletePublicAccessBlock";
                    default -> "Unknown";
                };
            }
            return r.method().equals("GET") ? "ListBuckets" : "Unknown";
        }
        return r.key() == null ? bucket(r) : object(r);
    }

    private static String bucket(OssRequest r) {
        String sub = r.query().stream().map(java.util.Map.Entry::getKey).filter(k -> !LIST_PARAMETERS.contains(k))
                .findFirst().orElse(null);
        return switch (r.method()) {
            case "GET", "HEAD" -> {
                if (sub == null) {
                    yield "2".equals(r.param("list-type")) ? "ListObjectsV2" : "ListObjects";
                }
                yield switch (sub) {
                    case "bucketInfo" -> "GetBucketInfo";
                    case "versions" -> "ListObjectVersions";
                    case "uploads" -> "ListMultipartUploads";
                    default -> "GetBucket" + capitalized(sub);
                };
            }
            case "PUT" -> sub == null ? "PutBucket" : "PutBucket" + capitalized(sub);
            case "DELETE" -> sub == null ? "DeleteBucket" : "DeleteBucket" + capitalized(sub);
            case "POST" -> "delete".equals(sub) ? "DeleteMultipleObjects" : "PostObject";
            default -> "Unknown";
        };
    }

    private static String object(OssRequest r) {
        boolean copy = r.headerOrNull("x-oss-copy-source") != null;
        boolean upload = r.hasQueryParameter("uploadId");
        return switch (r.method()) {
            case "GET" -> upload ? "ListParts" : r.hasQueryParameter("acl") ? "GetObjectAcl"
                    : r.hasQueryParameter("tagging") ? "GetObjectTagging" : r.hasQueryParameter("objectMeta") ? "GetObjectMeta" : "GetObject";
            case "HEAD" -> r.hasQueryParameter("objectMeta") ? "GetObjectMeta" : "HeadObject";
            case "PUT" -> upload && r.hasQueryParameter("partNumber") ? (copy ? "UploadPartCopy" : "UploadPart")
                    : r.hasQueryParameter("acl") ? "PutObjectAcl" : r.hasQueryParameter("tagging") ? "PutObjectTagging"
                    : copy ? "CopyObject" : "PutObject";
            case "POST" -> r.hasQueryParameter("uploads") ? "InitiateMultipartUpload"
                    : upload ? "CompleteMultipartUpload" : "PostObject";
            case "DELETE" -> upload ? "AbortMultipartUpload" : r.hasQueryParameter("tagging") ? "DeleteObjectTagging" : "DeleteObject";
            default -> "Unknown";
        };
    }

    private static String capitalized(String sub) {
        return sub.substring(0, 1).toUpperCase(Locale.ROOT) + sub.substring(1);
    }
}
