package dev.ossops.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The RAM actions of OSS (OSS "Grant access to OSS by using RAM policies" and "Authorization
 * syntax and elements": service-, bucket- and object-level actions), each with what it does and
 * what kind of resource it applies to. Not listed: LiveChannel, image processing, access points,
 * object FC access points, data indexing and resource pools.
 */
public enum OssAction {
    LIST_BUCKETS("oss:ListBuckets", AccessLevel.LIST, Scope.SERVICE),
    PUT_PUBLIC_ACCESS_BLOCK("oss:PutPublicAccessBlock", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.SERVICE),
    GET_PUBLIC_ACCESS_BLOCK("oss:GetPublicAccessBlock", AccessLevel.READ, Scope.SERVICE),
    DELETE_PUBLIC_ACCESS_BLOCK("oss:DeletePublicAccessBlock", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.SERVICE),
    PUT_BUCKET("oss:PutBucket", AccessLevel.WRITE, Scope.BUCKET),
    DELETE_BUCKET("oss:DeleteBucket", AccessLevel.WRITE, Scope.BUCKET),
    LIST_OBJECTS("oss:ListObjects", AccessLevel.LIST, Scope.BUCKET),
    GET_BUCKET_INFO("oss:GetBucketInfo", AccessLevel.READ, Scope.BUCKET),
    GET_BUCKET_LOCATION("oss:GetBucketLocation", AccessLevel.READ, Scope.BUCKET),
    GET_BUCKET_STAT("oss:GetBucketStat", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_VERSIONING("oss:PutBucketVersioning", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_VERSIONING("oss:GetBucketVersioning", AccessLevel.READ, Scope.BUCKET),
    LIST_OBJECT_VERSIONS("oss:ListObjectVersions", AccessLevel.LIST, Scope.BUCKET),
    PUT_BUCKET_ACL("oss:PutBucketAcl", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.BUCKET),
    GET_BUCKET_ACL("oss:GetBucketAcl", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_POLICY("oss:PutBucketPolicy", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.BUCKET),
    GET_BUCKET_POLICY("oss:GetBucketPolicy", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_POLICY("oss:DeleteBucketPolicy", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.BUCKET),
    PUT_BUCKET_PUBLIC_ACCESS_BLOCK("oss:PutBucketPublicAccessBlock", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.BUCKET),
    GET_BUCKET_PUBLIC_ACCESS_BLOCK("oss:GetBucketPublicAccessBlock", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_PUBLIC_ACCESS_BLOCK(
            "oss:DeleteBucketPublicAccessBlock", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.BUCKET),
    PUT_BUCKET_REFERER("oss:PutBucketReferer", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.BUCKET),
    GET_BUCKET_REFERER("oss:GetBucketReferer", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_LOGGING("oss:PutBucketLogging", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_LOGGING("oss:GetBucketLogging", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_LOGGING("oss:DeleteBucketLogging", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_WEBSITE("oss:PutBucketWebsite", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_WEBSITE("oss:GetBucketWebsite", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_WEBSITE("oss:DeleteBucketWebsite", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_LIFECYCLE("oss:PutBucketLifecycle", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_LIFECYCLE("oss:GetBucketLifecycle", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_LIFECYCLE("oss:DeleteBucketLifecycle", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_CORS("oss:PutBucketCors", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_CORS("oss:GetBucketCors", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_CORS("oss:DeleteBucketCors", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_TAGGING("oss:PutBucketTagging", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_TAGGING("oss:GetBucketTagging", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_TAGGING("oss:DeleteBucketTagging", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_ENCRYPTION("oss:PutBucketEncryption", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_ENCRYPTION("oss:GetBucketEncryption", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_ENCRYPTION("oss:DeleteBucketEncryption", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_REQUEST_PAYMENT("oss:PutBucketRequestPayment", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_REQUEST_PAYMENT("oss:GetBucketRequestPayment", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_ACCESS_MONITOR("oss:PutBucketAccessMonitor", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_ACCESS_MONITOR("oss:GetBucketAccessMonitor", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_RESOURCE_GROUP("oss:PutBucketResourceGroup", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_RESOURCE_GROUP("oss:GetBucketResourceGroup", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_REPLICATION("oss:PutBucketReplication", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_REPLICATION("oss:GetBucketReplication", AccessLevel.READ, Scope.BUCKET),
    GET_BUCKET_REPLICATION_LOCATION("oss:GetBucketReplicationLocation", AccessLevel.READ, Scope.BUCKET),
    GET_BUCKET_REPLICATION_PROGRESS("oss:GetBucketReplicationProgress", AccessLevel.READ, Scope.BUCKET),
    DELETE_BUCKET_REPLICATION("oss:DeleteBucketReplication", AccessLevel.CONFIGURATION, Scope.BUCKET),
    INITIATE_BUCKET_WORM("oss:InitiateBucketWorm", AccessLevel.CONFIGURATION, Scope.BUCKET),
    ABORT_BUCKET_WORM("oss:AbortBucketWorm", AccessLevel.CONFIGURATION, Scope.BUCKET),
    COMPLETE_BUCKET_WORM("oss:CompleteBucketWorm", AccessLevel.CONFIGURATION, Scope.BUCKET),
    EXTEND_BUCKET_WORM("oss:ExtendBucketWorm", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_WORM("oss:GetBucketWorm", AccessLevel.READ, Scope.BUCKET),
    PUT_BUCKET_INVENTORY("oss:PutBucketInventory", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_INVENTORY("oss:GetBucketInventory", AccessLevel.READ, Scope.BUCKET),
    LIST_BUCKET_INVENTORY("oss:ListBucketInventory", AccessLevel.LIST, Scope.BUCKET),
    DELETE_BUCKET_INVENTORY("oss:DeleteBucketInventory", AccessLevel.CONFIGURATION, Scope.BUCKET),
    PUT_BUCKET_TRANSFER_ACCELERATION("oss:PutBucketTransferAcceleration", AccessLevel.CONFIGURATION, Scope.BUCKET),
    GET_BUCKET_TRANSFER_ACCELERATION("oss:GetBucketTransferAcceleration", AccessLevel.READ, Scope.BUCKET),
    LIST_MULTIPART_UPLOADS("oss:ListMultipartUploads", AccessLevel.LIST, Scope.BUCKET),
    PUT_OBJECT("oss:PutObject", AccessLevel.WRITE, Scope.OBJECT),
    GET_OBJECT("oss:GetObject", AccessLevel.READ, Scope.OBJECT),
    GET_OBJECT_VERSION("oss:GetObjectVersion", AccessLevel.READ, Scope.OBJECT),
    DELETE_OBJECT("oss:DeleteObject", AccessLevel.WRITE, Scope.OBJECT),
    DELETE_OBJECT_VERSION("oss:DeleteObjectVersion", AccessLevel.WRITE, Scope.OBJECT),
    ABORT_MULTIPART_UPLOAD("oss:AbortMultipartUpload", AccessLevel.WRITE, Scope.OBJECT),
    LIST_PARTS("oss:ListParts", AccessLevel.LIST, Scope.OBJECT),
    RESTORE_OBJECT("oss:RestoreObject", AccessLevel.WRITE, Scope.OBJECT),
    SEAL_APPEND_OBJECT("oss:SealAppendObject", AccessLevel.WRITE, Scope.OBJECT),
    PUT_OBJECT_ACL("oss:PutObjectAcl", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.OBJECT),
    PUT_OBJECT_VERSION_ACL("oss:PutObjectVersionAcl", AccessLevel.PERMISSIONS_MANAGEMENT, Scope.OBJECT),
    GET_OBJECT_ACL("oss:GetObjectAcl", AccessLevel.READ, Scope.OBJECT),
    GET_OBJECT_VERSION_ACL("oss:GetObjectVersionAcl", AccessLevel.READ, Scope.OBJECT),
    PUT_OBJECT_TAGGING("oss:PutObjectTagging", AccessLevel.WRITE, Scope.OBJECT),
    PUT_OBJECT_VERSION_TAGGING("oss:PutObjectVersionTagging", AccessLevel.WRITE, Scope.OBJECT),
    GET_OBJECT_TAGGING("oss:GetObjectTagging", AccessLevel.READ, Scope.OBJECT),
    GET_OBJECT_VERSION_TAGGING("oss:GetObjectVersionTagging", AccessLevel.READ, Scope.OBJECT),
    DELETE_OBJECT_TAGGING("oss:DeleteObjectTagging", AccessLevel.WRITE, Scope.OBJECT),
    DELETE_OBJECT_VERSION_TAGGING("oss:DeleteObjectVersionTagging", AccessLevel.WRITE, Scope.OBJECT);

    /** What kind of resource ARN an action is authorized on. */
    public enum Scope {
        /** {@code acs:oss:*:<uid>:*}, e.g. ListBuckets. */
        SERVICE,
        /** {@code acs:oss:*:<uid>:<bucket>}. */
        BUCKET,
        /** {@code acs:oss:*:<uid>:<bucket>/<key>}. */
        OBJECT
    }

    private final String action;
    private final AccessLevel level;
    private final Scope scope;

    OssAction(String action, AccessLevel level, Scope scope) {
        this.action = action;
        this.level = level;
        this.scope = scope;
    }

    /** The action as policies spell it, e.g. {@code oss:PutObject}. */
    public String action() {
        return action;
    }

    public AccessLevel level() {
        return level;
    }

    public Scope scope() {
        return scope;
    }

    /** The catalogue entry for {@code action}, which compares ignoring case as RAM action names do. */
    public static Optional<OssAction> of(String action) {
        return Arrays.stream(values())
                .filter(a -> a.action.equalsIgnoreCase(action))
                .findFirst();
    }
}
