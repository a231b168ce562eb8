package dev.ossops.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OSS API operations and the RAM actions each needs (OSS "Grant access to OSS by using RAM
 * policies": API -> Action tables). Operations on a specific object version (a versionId in the
 * request) need the {@code *Version*} actions; CopyObject and UploadPartCopy need read on the
 * source and write on the target. Keyed by the API name as the OSS API reference spells it.
 */
public enum OssApi {
    LIST_BUCKETS("ListBuckets", OssAction.LIST_BUCKETS),
    PUT_PUBLIC_ACCESS_BLOCK("PutPublicAccessBlock", OssAction.PUT_PUBLIC_ACCESS_BLOCK),
    GET_PUBLIC_ACCESS_BLOCK("GetPublicAccessBlock", OssAction.GET_PUBLIC_ACCESS_BLOCK),
    DELETE_PUBLIC_ACCESS_BLOCK("DeletePublicAccessBlock", OssAction.DELETE_PUBLIC_ACCESS_BLOCK),
    PUT_BUCKET("PutBucket", OssAction.PUT_BUCKET),
    DELETE_BUCKET("DeleteBucket", OssAction.DELETE_BUCKET),
    GET_BUCKET("GetBucket", OssAction.LIST_OBJECTS),
    LIST_OBJECTS_V2("ListObjectsV2", OssAction.LIST_OBJECTS),
    GET_BUCKET_INFO("GetBucketInfo", OssAction.GET_BUCKET_INFO),
    GET_BUCKET_LOCATION("GetBucketLocation", OssAction.GET_BUCKET_LOCATION),
    GET_BUCKET_STAT("GetBucketStat", OssAction.GET_BUCKET_STAT),
    PUT_BUCKET_VERSIONING("PutBucketVersioning", OssAction.PUT_BUCKET_VERSIONING),
    GET_BUCKET_VERSIONING("GetBucketVersioning", OssAction.GET_BUCKET_VERSIONING),
    LIST_OBJECT_VERSIONS("ListObjectVersions", OssAction.LIST_OBJECT_VERSIONS),
    PUT_BUCKET_ACL("PutBucketAcl", OssAction.PUT_BUCKET_ACL),
    GET_BUCKET_ACL("GetBucketAcl", OssAction.GET_BUCKET_ACL),
    PUT_BUCKET_POLICY("PutBucketPolicy", OssAction.PUT_BUCKET_POLICY),
    GET_BUCKET_POLICY("GetBucketPolicy", OssAction.GET_BUCKET_POLICY),
    DELETE_BUCKET_POLICY("DeleteBucketPolicy", OssAction.DELETE_BUCKET_POLICY),
    PUT_BUCKET_PUBLIC_ACCESS_BLOCK("PutBucketPublicAccessBlock", OssAction.PUT_BUCKET_PUBLIC_ACCESS_BLOCK),
    GET_BUCKET_PUBLIC_ACCESS_BLOCK("GetBucketPublicAccessBlock", OssAction.GET_BUCKET_PUBLIC_ACCESS_BLOCK),
    DELETE_BUCKET_PUBLIC_ACCESS_BLOCK("DeleteBucketPublicAccessBlock", OssAction.DELETE_BUCKET_PUBLIC_ACCESS_BLOCK),
    PUT_BUCKET_REFERER("PutBucketReferer", OssAction.PUT_BUCKET_REFERER),
    GET_BUCKET_REFERER("GetBucketReferer", OssAction.GET_BUCKET_REFERER),
    PUT_BUCKET_LOGGING("PutBucketLogging", OssAction.PUT_BUCKET_LOGGING),
    GET_BUCKET_LOGGING("GetBucketLogging", OssAction.GET_BUCKET_LOGGING),
    DELETE_BUCKET_LOGGING("DeleteBucketLogging", OssAction.DELETE_BUCKET_LOGGING),
    PUT_BUCKET_WEBSITE("PutBucketWebsite", OssAction.PUT_BUCKET_WEBSITE),
    GET_BUCKET_WEBSITE("GetBucketWebsite", OssAction.GET_BUCKET_WEBSITE),
    DELETE_BUCKET_WEBSITE("DeleteBucketWebsite", OssAction.DELETE_BUCKET_WEBSITE),
    PUT_BUCKET_LIFECYCLE("PutBucketLifecycle", OssAction.PUT_BUCKET_LIFECYCLE),
    GET_BUCKET_LIFECYCLE("GetBucketLifecycle", OssAction.GET_BUCKET_LIFECYCLE),
    DELETE_BUCKET_LIFECYCLE("DeleteBucketLifecycle", OssAction.DELETE_BUCKET_LIFECYCLE),
    PUT_BUCKET_CORS("PutBucketCors", OssAction.PUT_BUCKET_CORS),
    GET_BUCKET_CORS("GetBucketCors", OssAction.GET_BUCKET_CORS),
    DELETE_BUCKET_CORS("DeleteBucketCors", OssAction.DELETE_BUCKET_CORS),
    PUT_BUCKET_TAGS("PutBucketTags", OssAction.PUT_BUCKET_TAGGING),
    GET_BUCKET_TAGS("GetBucketTags", OssAction.GET_BUCKET_TAGGING),
    DELETE_BUCKET_TAGS("DeleteBucketTags", OssAction.DELETE_BUCKET_TAGGING),
    PUT_BUCKET_ENCRYPTION("PutBucketEncryption", OssAction.PUT_BUCKET_ENCRYPTION),
    GET_BUCKET_ENCRYPTION("GetBucketEncryption", OssAction.GET_BUCKET_ENCRYPTION),
    DELETE_BUCKET_ENCRYPTION("DeleteBucketEncryption", OssAction.DELETE_BUCKET_ENCRYPTION),
    PUT_BUCKET_REQUEST_PAYMENT("PutBucketRequestPayment", OssAction.PUT_BUCKET_REQUEST_PAYMENT),
    GET_BUCKET_REQUEST_PAYMENT("GetBucketRequestPayment", OssAction.GET_BUCKET_REQUEST_PAYMENT),
    PUT_BUCKET_ACCESS_MONITOR("PutBucketAccessMonitor", OssAction.PUT_BUCKET_ACCESS_MONITOR),
    GET_BUCKET_ACCESS_MONITOR("GetBucketAccessMonitor", OssAction.GET_BUCKET_ACCESS_MONITOR),
    PUT_BUCKET_RESOURCE_GROUP("PutBucketResourceGroup", OssAction.PUT_BUCKET_RESOURCE_GROUP),
    GET_BUCKET_RESOURCE_GROUP("GetBucketResourceGroup", OssAction.GET_BUCKET_RESOURCE_GROUP),
    PUT_BUCKET_REPLICATION("PutBucketReplication", OssAction.PUT_BUCKET_REPLICATION),
    GET_BUCKET_REPLICATION("GetBucketReplication", OssAction.GET_BUCKET_REPLICATION),
    GET_BUCKET_REPLICATION_LOCATION("GetBucketReplicationLocation", OssAction.GET_BUCKET_REPLICATION_LOCATION),
    GET_BUCKET_REPLICATION_PROGRESS("GetBucketReplicationProgress", OssAction.GET_BUCKET_REPLICATION_PROGRESS),
    DELETE_BUCKET_REPLICATION("DeleteBucketReplication", OssAction.DELETE_BUCKET_REPLICATION),
    INITIATE_BUCKET_WORM("InitiateBucketWorm", OssAction.INITIATE_BUCKET_WORM),
    ABORT_BUCKET_WORM("AbortBucketWorm", OssAction.ABORT_BUCKET_WORM),
    COMPLETE_BUCKET_WORM("CompleteBucketWorm", OssAction.COMPLETE_BUCKET_WORM),
    EXTEND_BUCKET_WORM("ExtendBucketWorm", OssAction.EXTEND_BUCKET_WORM),
    GET_BUCKET_WORM("GetBucketWorm", OssAction.GET_BUCKET_WORM),
    PUT_BUCKET_INVENTORY("PutBucketInventory", OssAction.PUT_BUCKET_INVENTORY),
    GET_BUCKET_INVENTORY("GetBucketInventory", OssAction.GET_BUCKET_INVENTORY),
    LIST_BUCKET_INVENTORY("ListBucketInventory", OssAction.LIST_BUCKET_INVENTORY),
    DELETE_BUCKET_INVENTORY("DeleteBucketInventory", OssAction.DELETE_BUCKET_INVENTORY),
    PUT_BUCKET_TRANSFER_ACCELERATION("PutBucketTransferAcceleration", OssAction.PUT_BUCKET_TRANSFER_ACCELERATION),
    GET_BUCKET_TRANSFER_ACCELERATION("GetBucketTransferAcceleration", OssAction.GET_BUCKET_TRANSFER_ACCELERATION),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads", OssAction.LIST_MULTIPART_UPLOADS),
    PUT_OBJECT("PutObject", OssAction.PUT_OBJECT),
    POST_OBJECT("PostObject", OssAction.PUT_OBJECT),
    APPEND_OBJECT("AppendObject", OssAction.PUT_OBJECT),
    SEAL_APPEND_OBJECT("SealAppendObject", OssAction.SEAL_APPEND_OBJECT),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload", OssAction.PUT_OBJECT),
    UPLOAD_PART("UploadPart", OssAction.PUT_OBJECT),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", OssAction.PUT_OBJECT),
    PUT_SYMLINK("PutSymlink", OssAction.PUT_OBJECT),
    COPY_OBJECT(
            "CopyObject",
            List.of(OssAction.GET_OBJECT, OssAction.PUT_OBJECT),
            List.of(OssAction.GET_OBJECT_VERSION, OssAction.PUT_OBJECT)),
    UPLOAD_PART_COPY(
            "UploadPartCopy",
            List.of(OssAction.GET_OBJECT, OssAction.PUT_OBJECT),
            List.of(OssAction.GET_OBJECT_VERSION, OssAction.PUT_OBJECT)),
    GET_OBJECT("GetObject", OssAction.GET_OBJECT, OssAction.GET_OBJECT_VERSION),
    HEAD_OBJECT("HeadObject", OssAction.GET_OBJECT, OssAction.GET_OBJECT_VERSION),
    GET_OBJECT_META("GetObjectMeta", OssAction.GET_OBJECT, OssAction.GET_OBJECT_VERSION),
    SELECT_OBJECT("SelectObject", OssAction.GET_OBJECT),
    GET_SYMLINK("GetSymlink", OssAction.GET_OBJECT, OssAction.GET_OBJECT_VERSION),
    DELETE_OBJECT("DeleteObject", OssAction.DELETE_OBJECT, OssAction.DELETE_OBJECT_VERSION),
    DELETE_MULTIPLE_OBJECTS("DeleteMultipleObjects", OssAction.DELETE_OBJECT, OssAction.DELETE_OBJECT_VERSION),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload", OssAction.ABORT_MULTIPART_UPLOAD),
    LIST_PARTS("ListParts", OssAction.LIST_PARTS),
    RESTORE_OBJECT("RestoreObject", OssAction.RESTORE_OBJECT),
    PUT_OBJECT_ACL("PutObjectAcl", OssAction.PUT_OBJECT_ACL, OssAction.PUT_OBJECT_VERSION_ACL),
    GET_OBJECT_ACL("GetObjectAcl", OssAction.GET_OBJECT_ACL, OssAction.GET_OBJECT_VERSION_ACL),
    PUT_OBJECT_TAGGING("PutObjectTagging", OssAction.PUT_OBJECT_TAGGING, OssAction.PUT_OBJECT_VERSION_TAGGING),
    GET_OBJECT_TAGGING("GetObjectTagging", OssAction.GET_OBJECT_TAGGING, OssAction.GET_OBJECT_VERSION_TAGGING),
    DELETE_OBJECT_TAGGING(
            "DeleteObjectTagging", OssAction.DELETE_OBJECT_TAGGING, OssAction.DELETE_OBJECT_VERSION_TAGGING);

    private final String apiName;

    @SuppressWarnings("ImmutableEnumChecker") // List.of values: unmodifiable, of an enum's constants
    private final List<OssAction> actions;

    @SuppressWarnings("ImmutableEnumChecker") // as actions
    private final List<OssAction> versionedActions;

    /** Needs {@code action}, whether or not the request names a versionId. */
    OssApi(String apiName, OssAction action) {
        this(apiName, action, action);
    }

    /** Needs {@code action}, or {@code versionedAction} when the request names a versionId. */
    OssApi(String apiName, OssAction action, OssAction versionedAction) {
        this(apiName, List.of(action), List.of(versionedAction));
    }

    OssApi(String apiName, List<OssAction> actions, List<OssAction> versionedActions) {
        this.apiName = apiName;
        this.actions = actions;
        this.versionedActions = versionedActions;
    }

    /** The operation's name in the OSS API reference, e.g. {@code GetBucketTags}. */
    public String apiName() {
        return apiName;
    }

    /** The actions a request needs; with {@code versioned}, when it names a versionId. */
    public List<OssAction> actions(boolean versioned) {
        return versioned ? versionedActions : actions;
    }

    /** The operation named {@code apiName} (exact spelling). */
    public static Optional<OssApi> of(String apiName) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(apiName)).findFirst();
    }
}
