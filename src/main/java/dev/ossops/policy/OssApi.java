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
    LIST_BUCKETS("ListBuckets", List.of(OssAction.LIST_BUCKETS), List.of(OssAction.LIST_BUCKETS)),
    PUT_PUBLIC_ACCESS_BLOCK(
            "PutPublicAccessBlock",
            List.of(OssAction.PUT_PUBLIC_ACCESS_BLOCK),
            List.of(OssAction.PUT_PUBLIC_ACCESS_BLOCK)),
    GET_PUBLIC_ACCESS_BLOCK(
            "GetPublicAccessBlock",
            List.of(OssAction.GET_PUBLIC_ACCESS_BLOCK),
            List.of(OssAction.GET_PUBLIC_ACCESS_BLOCK)),
    DELETE_PUBLIC_ACCESS_BLOCK(
            "DeletePublicAccessBlock",
            List.of(OssAction.DELETE_PUBLIC_ACCESS_BLOCK),
            List.of(OssAction.DELETE_PUBLIC_ACCESS_BLOCK)),
    PUT_BUCKET("PutBucket", List.of(OssAction.PUT_BUCKET), List.of(OssAction.PUT_BUCKET)),
    DELETE_BUCKET("DeleteBucket", List.of(OssAction.DELETE_BUCKET), List.of(OssAction.DELETE_BUCKET)),
    GET_BUCKET("GetBucket", List.of(OssAction.LIST_OBJECTS), List.of(OssAction.LIST_OBJECTS)),
    LIST_OBJECTS_V2("ListObjectsV2", List.of(OssAction.LIST_OBJECTS), List.of(OssAction.LIST_OBJECTS)),
    GET_BUCKET_INFO("GetBucketInfo", List.of(OssAction.GET_BUCKET_INFO), List.of(OssAction.GET_BUCKET_INFO)),
    GET_BUCKET_LOCATION(
            "GetBucketLocation", List.of(OssAction.GET_BUCKET_LOCATION), List.of(OssAction.GET_BUCKET_LOCATION)),
    GET_BUCKET_STAT("GetBucketStat", List.of(OssAction.GET_BUCKET_STAT), List.of(OssAction.GET_BUCKET_STAT)),
    PUT_BUCKET_VERSIONING(
            "PutBucketVersioning", List.of(OssAction.PUT_BUCKET_VERSIONING), List.of(OssAction.PUT_BUCKET_VERSIONING)),
    GET_BUCKET_VERSIONING(
            "GetBucketVersioning", List.of(OssAction.GET_BUCKET_VERSIONING), List.of(OssAction.GET_BUCKET_VERSIONING)),
    LIST_OBJECT_VERSIONS(
            "ListObjectVersions", List.of(OssAction.LIST_OBJECT_VERSIONS), List.of(OssAction.LIST_OBJECT_VERSIONS)),
    PUT_BUCKET_ACL("PutBucketAcl", List.of(OssAction.PUT_BUCKET_ACL), List.of(OssAction.PUT_BUCKET_ACL)),
    GET_BUCKET_ACL("GetBucketAcl", List.of(OssAction.GET_BUCKET_ACL), List.of(OssAction.GET_BUCKET_ACL)),
    PUT_BUCKET_POLICY("PutBucketPolicy", List.of(OssAction.PUT_BUCKET_POLICY), List.of(OssAction.PUT_BUCKET_POLICY)),
    GET_BUCKET_POLICY("GetBucketPolicy", List.of(OssAction.GET_BUCKET_POLICY), List.of(OssAction.GET_BUCKET_POLICY)),
    DELETE_BUCKET_POLICY(
            "DeleteBucketPolicy", List.of(OssAction.DELETE_BUCKET_POLICY), List.of(OssAction.DELETE_BUCKET_POLICY)),
    PUT_BUCKET_PUBLIC_ACCESS_BLOCK(
            "PutBucketPublicAccessBlock",
            List.of(OssAction.PUT_BUCKET_PUBLIC_ACCESS_BLOCK),
            List.of(OssAction.PUT_BUCKET_PUBLIC_ACCESS_BLOCK)),
    GET_BUCKET_PUBLIC_ACCESS_BLOCK(
            "GetBucketPublicAccessBlock",
            List.of(OssAction.GET_BUCKET_PUBLIC_ACCESS_BLOCK),
            List.of(OssAction.GET_BUCKET_PUBLIC_ACCESS_BLOCK)),
    DELETE_BUCKET_PUBLIC_ACCESS_BLOCK(
            "DeleteBucketPublicAccessBlock",
            List.of(OssAction.DELETE_BUCKET_PUBLIC_ACCESS_BLOCK),
            List.of(OssAction.DELETE_BUCKET_PUBLIC_ACCESS_BLOCK)),
    PUT_BUCKET_REFERER(
            "PutBucketReferer", List.of(OssAction.PUT_BUCKET_REFERER), List.of(OssAction.PUT_BUCKET_REFERER)),
    GET_BUCKET_REFERER(
            "GetBucketReferer", List.of(OssAction.GET_BUCKET_REFERER), List.of(OssAction.GET_BUCKET_REFERER)),
    PUT_BUCKET_LOGGING(
            "PutBucketLogging", List.of(OssAction.PUT_BUCKET_LOGGING), List.of(OssAction.PUT_BUCKET_LOGGING)),
    GET_BUCKET_LOGGING(
            "GetBucketLogging", List.of(OssAction.GET_BUCKET_LOGGING), List.of(OssAction.GET_BUCKET_LOGGING)),
    DELETE_BUCKET_LOGGING(
            "DeleteBucketLogging", List.of(OssAction.DELETE_BUCKET_LOGGING), List.of(OssAction.DELETE_BUCKET_LOGGING)),
    PUT_BUCKET_WEBSITE(
            "PutBucketWebsite", List.of(OssAction.PUT_BUCKET_WEBSITE), List.of(OssAction.PUT_BUCKET_WEBSITE)),
    GET_BUCKET_WEBSITE(
            "GetBucketWebsite", List.of(OssAction.GET_BUCKET_WEBSITE), List.of(OssAction.GET_BUCKET_WEBSITE)),
    DELETE_BUCKET_WEBSITE(
            "DeleteBucketWebsite", List.of(OssAction.DELETE_BUCKET_WEBSITE), List.of(OssAction.DELETE_BUCKET_WEBSITE)),
    PUT_BUCKET_LIFECYCLE(
            "PutBucketLifecycle", List.of(OssAction.PUT_BUCKET_LIFECYCLE), List.of(OssAction.PUT_BUCKET_LIFECYCLE)),
    GET_BUCKET_LIFECYCLE(
            "GetBucketLifecycle", List.of(OssAction.GET_BUCKET_LIFECYCLE), List.of(OssAction.GET_BUCKET_LIFECYCLE)),
    DELETE_BUCKET_LIFECYCLE(
            "DeleteBucketLifecycle",
            List.of(OssAction.DELETE_BUCKET_LIFECYCLE),
            List.of(OssAction.DELETE_BUCKET_LIFECYCLE)),
    PUT_BUCKET_CORS("PutBucketCors", List.of(OssAction.PUT_BUCKET_CORS), List.of(OssAction.PUT_BUCKET_CORS)),
    GET_BUCKET_CORS("GetBucketCors", List.of(OssAction.GET_BUCKET_CORS), List.of(OssAction.GET_BUCKET_CORS)),
    DELETE_BUCKET_CORS(
            "DeleteBucketCors", List.of(OssAction.DELETE_BUCKET_CORS), List.of(OssAction.DELETE_BUCKET_CORS)),
    PUT_BUCKET_TAGS("PutBucketTags", List.of(OssAction.PUT_BUCKET_TAGGING), List.of(OssAction.PUT_BUCKET_TAGGING)),
    GET_BUCKET_TAGS("GetBucketTags", List.of(OssAction.GET_BUCKET_TAGGING), List.of(OssAction.GET_BUCKET_TAGGING)),
    DELETE_BUCKET_TAGS(
            "DeleteBucketTags", List.of(OssAction.DELETE_BUCKET_TAGGING), List.of(OssAction.DELETE_BUCKET_TAGGING)),
    PUT_BUCKET_ENCRYPTION(
            "PutBucketEncryption", List.of(OssAction.PUT_BUCKET_ENCRYPTION), List.of(OssAction.PUT_BUCKET_ENCRYPTION)),
    GET_BUCKET_ENCRYPTION(
            "GetBucketEncryption", List.of(OssAction.GET_BUCKET_ENCRYPTION), List.of(OssAction.GET_BUCKET_ENCRYPTION)),
    DELETE_BUCKET_ENCRYPTION(
            "DeleteBucketEncryption",
            List.of(OssAction.DELETE_BUCKET_ENCRYPTION),
            List.of(OssAction.DELETE_BUCKET_ENCRYPTION)),
    PUT_BUCKET_REQUEST_PAYMENT(
            "PutBucketRequestPayment",
            List.of(OssAction.PUT_BUCKET_REQUEST_PAYMENT),
            List.of(OssAction.PUT_BUCKET_REQUEST_PAYMENT)),
    GET_BUCKET_REQUEST_PAYMENT(
            "GetBucketRequestPayment",
            List.of(OssAction.GET_BUCKET_REQUEST_PAYMENT),
            List.of(OssAction.GET_BUCKET_REQUEST_PAYMENT)),
    PUT_BUCKET_ACCESS_MONITOR(
            "PutBucketAccessMonitor",
            List.of(OssAction.PUT_BUCKET_ACCESS_MONITOR),
            List.of(OssAction.PUT_BUCKET_ACCESS_MONITOR)),
    GET_BUCKET_ACCESS_MONITOR(
            "GetBucketAccessMonitor",
            List.of(OssAction.GET_BUCKET_ACCESS_MONITOR),
            List.of(OssAction.GET_BUCKET_ACCESS_MONITOR)),
    PUT_BUCKET_RESOURCE_GROUP(
            "PutBucketResourceGroup",
            List.of(OssAction.PUT_BUCKET_RESOURCE_GROUP),
            List.of(OssAction.PUT_BUCKET_RESOURCE_GROUP)),
    GET_BUCKET_RESOURCE_GROUP(
            "GetBucketResourceGroup",
            List.of(OssAction.GET_BUCKET_RESOURCE_GROUP),
            List.of(OssAction.GET_BUCKET_RESOURCE_GROUP)),
    PUT_BUCKET_REPLICATION(
            "PutBucketReplication",
            List.of(OssAction.PUT_BUCKET_REPLICATION),
            List.of(OssAction.PUT_BUCKET_REPLICATION)),
    GET_BUCKET_REPLICATION(
            "GetBucketReplication",
            List.of(OssAction.GET_BUCKET_REPLICATION),
            List.of(OssAction.GET_BUCKET_REPLICATION)),
    GET_BUCKET_REPLICATION_LOCATION(
            "GetBucketReplicationLocation",
            List.of(OssAction.GET_BUCKET_REPLICATION_LOCATION),
            List.of(OssAction.GET_BUCKET_REPLICATION_LOCATION)),
    GET_BUCKET_REPLICATION_PROGRESS(
            "GetBucketReplicationProgress",
            List.of(OssAction.GET_BUCKET_REPLICATION_PROGRESS),
            List.of(OssAction.GET_BUCKET_REPLICATION_PROGRESS)),
    DELETE_BUCKET_REPLICATION(
            "DeleteBucketReplication",
            List.of(OssAction.DELETE_BUCKET_REPLICATION),
            List.of(OssAction.DELETE_BUCKET_REPLICATION)),
    INITIATE_BUCKET_WORM(
            "InitiateBucketWorm", List.of(OssAction.INITIATE_BUCKET_WORM), List.of(OssAction.INITIATE_BUCKET_WORM)),
    ABORT_BUCKET_WORM("AbortBucketWorm", List.of(OssAction.ABORT_BUCKET_WORM), List.of(OssAction.ABORT_BUCKET_WORM)),
    COMPLETE_BUCKET_WORM(
            "CompleteBucketWorm", List.of(OssAction.COMPLETE_BUCKET_WORM), List.of(OssAction.COMPLETE_BUCKET_WORM)),
    EXTEND_BUCKET_WORM(
            "ExtendBucketWorm", List.of(OssAction.EXTEND_BUCKET_WORM), List.of(OssAction.EXTEND_BUCKET_WORM)),
    GET_BUCKET_WORM("GetBucketWorm", List.of(OssAction.GET_BUCKET_WORM), List.of(OssAction.GET_BUCKET_WORM)),
    PUT_BUCKET_INVENTORY(
            "PutBucketInventory", List.of(OssAction.PUT_BUCKET_INVENTORY), List.of(OssAction.PUT_BUCKET_INVENTORY)),
    GET_BUCKET_INVENTORY(
            "GetBucketInventory", List.of(OssAction.GET_BUCKET_INVENTORY), List.of(OssAction.GET_BUCKET_INVENTORY)),
    LIST_BUCKET_INVENTORY(
            "ListBucketInventory", List.of(OssAction.LIST_BUCKET_INVENTORY), List.of(OssAction.LIST_BUCKET_INVENTORY)),
    DELETE_BUCKET_INVENTORY(
            "DeleteBucketInventory",
            List.of(OssAction.DELETE_BUCKET_INVENTORY),
            List.of(OssAction.DELETE_BUCKET_INVENTORY)),
    PUT_BUCKET_TRANSFER_ACCELERATION(
            "PutBucketTransferAcceleration",
            List.of(OssAction.PUT_BUCKET_TRANSFER_ACCELERATION),
            List.of(OssAction.PUT_BUCKET_TRANSFER_ACCELERATION)),
    GET_BUCKET_TRANSFER_ACCELERATION(
            "GetBucketTransferAcceleration",
            List.of(OssAction.GET_BUCKET_TRANSFER_ACCELERATION),
            List.of(OssAction.GET_BUCKET_TRANSFER_ACCELERATION)),
    LIST_MULTIPART_UPLOADS(
            "ListMultipartUploads",
            List.of(OssAction.LIST_MULTIPART_UPLOADS),
            List.of(OssAction.LIST_MULTIPART_UPLOADS)),
    PUT_OBJECT("PutObject", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    POST_OBJECT("PostObject", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    APPEND_OBJECT("AppendObject", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    SEAL_APPEND_OBJECT(
            "SealAppendObject", List.of(OssAction.SEAL_APPEND_OBJECT), List.of(OssAction.SEAL_APPEND_OBJECT)),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    UPLOAD_PART("UploadPart", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    PUT_SYMLINK("PutSymlink", List.of(OssAction.PUT_OBJECT), List.of(OssAction.PUT_OBJECT)),
    COPY_OBJECT(
            "CopyObject",
            List.of(OssAction.GET_OBJECT, OssAction.PUT_OBJECT),
            List.of(OssAction.GET_OBJECT_VERSION, OssAction.PUT_OBJECT)),
    UPLOAD_PART_COPY(
            "UploadPartCopy",
            List.of(OssAction.GET_OBJECT, OssAction.PUT_OBJECT),
            List.of(OssAction.GET_OBJECT_VERSION, OssAction.PUT_OBJECT)),
    GET_OBJECT("GetObject", List.of(OssAction.GET_OBJECT), List.of(OssAction.GET_OBJECT_VERSION)),
    HEAD_OBJECT("HeadObject", List.of(OssAction.GET_OBJECT), List.of(OssAction.GET_OBJECT_VERSION)),
    GET_OBJECT_META("GetObjectMeta", List.of(OssAction.GET_OBJECT), List.of(OssAction.GET_OBJECT_VERSION)),
    SELECT_OBJECT("SelectObject", List.of(OssAction.GET_OBJECT), List.of(OssAction.GET_OBJECT)),
    GET_SYMLINK("GetSymlink", List.of(OssAction.GET_OBJECT), List.of(OssAction.GET_OBJECT_VERSION)),
    DELETE_OBJECT("DeleteObject", List.of(OssAction.DELETE_OBJECT), List.of(OssAction.DELETE_OBJECT_VERSION)),
    DELETE_MULTIPLE_OBJECTS(
            "DeleteMultipleObjects", List.of(OssAction.DELETE_OBJECT), List.of(OssAction.DELETE_OBJECT_VERSION)),
    ABORT_MULTIPART_UPLOAD(
            "AbortMultipartUpload",
            List.of(OssAction.ABORT_MULTIPART_UPLOAD),
            List.of(OssAction.ABORT_MULTIPART_UPLOAD)),
    LIST_PARTS("ListParts", List.of(OssAction.LIST_PARTS), List.of(OssAction.LIST_PARTS)),
    RESTORE_OBJECT("RestoreObject", List.of(OssAction.RESTORE_OBJECT), List.of(OssAction.RESTORE_OBJECT)),
    PUT_OBJECT_ACL("PutObjectAcl", List.of(OssAction.PUT_OBJECT_ACL), List.of(OssAction.PUT_OBJECT_VERSION_ACL)),
    GET_OBJECT_ACL("GetObjectAcl", List.of(OssAction.GET_OBJECT_ACL), List.of(OssAction.GET_OBJECT_VERSION_ACL)),
    PUT_OBJECT_TAGGING(
            "PutObjectTagging", List.of(OssAction.PUT_OBJECT_TAGGING), List.of(OssAction.PUT_OBJECT_VERSION_TAGGING)),
    GET_OBJECT_TAGGING(
            "GetObjectTagging", List.of(OssAction.GET_OBJECT_TAGGING), List.of(OssAction.GET_OBJECT_VERSION_TAGGING)),
    DELETE_OBJECT_TAGGING(
            "DeleteObjectTagging",
            List.of(OssAction.DELETE_OBJECT_TAGGING),
            List.of(OssAction.DELETE_OBJECT_VERSION_TAGGING));

    private final String apiName;

    @SuppressWarnings("ImmutableEnumChecker") // List.of values: unmodifiable, of an enum's constants
    private final List<OssAction> actions;

    @SuppressWarnings("ImmutableEnumChecker") // as actions
    private final List<OssAction> versionedActions;

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
