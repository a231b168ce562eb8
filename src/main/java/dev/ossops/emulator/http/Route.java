package dev.ossops.emulator.http;

/**
 * Every OSS API the emulator serves, named as OSS's API reference names it. {@link RouteTable}
 * resolves a request to one of these before anything runs, so the request counters name the API
 * actually taken; {@link Router} runs it. The configuration routes serve every sub-resource that
 * has a codec and take their name from it (GetBucketCors, PutBucketLifecycle, ...).
 */
enum Route {
    LIST_BUCKETS("ListBuckets"),
    GET_PUBLIC_ACCESS_BLOCK("GetPublicAccessBlock"),
    PUT_PUBLIC_ACCESS_BLOCK("PutPublicAccessBlock"),
    DELETE_PUBLIC_ACCESS_BLOCK("DeletePublicAccessBlock"),

    PUT_BUCKET("PutBucket"),
    DELETE_BUCKET("DeleteBucket"),
    LIST_OBJECTS("ListObjects"),
    LIST_OBJECTS_V2("ListObjectsV2"),
    LIST_OBJECT_VERSIONS("ListObjectVersions"),
    LIST_MULTIPART_UPLOADS("ListMultipartUploads"),
    GET_BUCKET_ACL("GetBucketAcl"),
    PUT_BUCKET_ACL("PutBucketAcl"),
    GET_BUCKET_LOCATION("GetBucketLocation"),
    GET_BUCKET_INFO("GetBucketInfo"),
    GET_BUCKET_STAT("GetBucketStat"),
    GET_BUCKET_POLICY_STATUS("GetBucketPolicyStatus"),
    GET_BUCKET_VERSIONING("GetBucketVersioning"),
    PUT_BUCKET_VERSIONING("PutBucketVersioning"),
    PUT_BUCKET_LOGGING("PutBucketLogging"),
    GET_BUCKET_REPLICATION("GetBucketReplication"),
    GET_BUCKET_REPLICATION_LOCATION("GetBucketReplicationLocation"),
    GET_BUCKET_REPLICATION_PROGRESS("GetBucketReplicationProgress"),
    /** PutBucketReplication and DeleteBucketReplication share {@code POST ?replication}; {@code comp} tells them apart. */
    PUT_BUCKET_REPLICATION("PutBucketReplication"),
    DELETE_BUCKET_REPLICATION("DeleteBucketReplication"),
    GET_BUCKET_CONFIG("GetBucket"),
    PUT_BUCKET_CONFIG("PutBucket"),
    DELETE_BUCKET_CONFIG("DeleteBucket"),
    DELETE_MULTIPLE_OBJECTS("DeleteMultipleObjects"),
    POST_OBJECT("PostObject"),

    PUT_OBJECT("PutObject"),
    COPY_OBJECT("CopyObject"),
    GET_OBJECT("GetObject"),
    HEAD_OBJECT("HeadObject"),
    GET_OBJECT_META("GetObjectMeta"),
    DELETE_OBJECT("DeleteObject"),
    APPEND_OBJECT("AppendObject"),
    SEAL_APPEND_OBJECT("SealAppendObject"),
    RESTORE_OBJECT("RestoreObject"),
    PUT_SYMLINK("PutSymlink"),
    GET_SYMLINK("GetSymlink"),
    GET_OBJECT_ACL("GetObjectAcl"),
    PUT_OBJECT_ACL("PutObjectAcl"),
    GET_OBJECT_TAGGING("GetObjectTagging"),
    PUT_OBJECT_TAGGING("PutObjectTagging"),
    DELETE_OBJECT_TAGGING("DeleteObjectTagging"),
    INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload"),
    UPLOAD_PART("UploadPart"),
    UPLOAD_PART_COPY("UploadPartCopy"),
    COMPLETE_MULTIPART_UPLOAD("CompleteMultipartUpload"),
    ABORT_MULTIPART_UPLOAD("AbortMultipartUpload"),
    LIST_PARTS("ListParts");

    private final String apiName;

    Route(String apiName) {
        this.apiName = apiName;
    }

    /** The API's name; for the configuration routes the prefix the sub-resource completes. */
    String apiName() {
        return apiName;
    }

    boolean isConfiguration() {
        return this == GET_BUCKET_CONFIG || this == PUT_BUCKET_CONFIG || this == DELETE_BUCKET_CONFIG;
    }
}
