package dev.ossops.emulator.service;

import java.util.Locale;

/**
 * An OSS API action as RAM and bucket policies name it ({@code oss:GetObject}), with what the
 * ACL model requires for it. Every access check names its action, so policy evaluation can plug
 * into {@link AccessControl} without touching the services.
 */
public record OssAction(String name, Permission permission) {
    public static final OssAction LIST_BUCKETS = new OssAction("oss:ListBuckets", Permission.OWNER);
    public static final OssAction PUT_BUCKET = new OssAction("oss:PutBucket", Permission.OWNER);
    public static final OssAction DELETE_BUCKET = new OssAction("oss:DeleteBucket", Permission.OWNER);
    public static final OssAction GET_BUCKET_INFO = new OssAction("oss:GetBucketInfo", Permission.OWNER);
    public static final OssAction GET_BUCKET_LOCATION = new OssAction("oss:GetBucketLocation", Permission.OWNER);
    public static final OssAction GET_BUCKET_STAT = new OssAction("oss:GetBucketStat", Permission.OWNER);
    public static final OssAction GET_BUCKET_ACL = new OssAction("oss:GetBucketAcl", Permission.OWNER);
    public static final OssAction PUT_BUCKET_ACL = new OssAction("oss:PutBucketAcl", Permission.OWNER);
    public static final OssAction GET_BUCKET_VERSIONING = new OssAction("oss:GetBucketVersioning", Permission.OWNER);
    public static final OssAction PUT_BUCKET_VERSIONING = new OssAction("oss:PutBucketVersioning", Permission.OWNER);
    public static final OssAction LIST_OBJECTS = new OssAction("oss:ListObjects", Permission.READ);
    public static final OssAction LIST_OBJECT_VERSIONS = new OssAction("oss:ListObjectVersions", Permission.READ);
    public static final OssAction GET_OBJECT = new OssAction("oss:GetObject", Permission.READ);
    public static final OssAction GET_OBJECT_VERSION = new OssAction("oss:GetObjectVersion", Permission.READ);
    public static final OssAction PUT_OBJECT = new OssAction("oss:PutObject", Permission.WRITE);
    public static final OssAction DELETE_OBJECT = new OssAction("oss:DeleteObject", Permission.WRITE);
    public static final OssAction DELETE_OBJECT_VERSION = new OssAction("oss:DeleteObjectVersion", Permission.WRITE);
    public static final OssAction GET_OBJECT_ACL = new OssAction("oss:GetObjectAcl", Permission.OWNER);
    public static final OssAction PUT_OBJECT_ACL = new OssAction("oss:PutObjectAcl", Permission.OWNER);
    public static final OssAction GET_OBJECT_TAGGING = new OssAction("oss:GetObjectTagging", Permission.OWNER);
    public static final OssAction PUT_OBJECT_TAGGING = new OssAction("oss:PutObjectTagging", Permission.OWNER);
    public static final OssAction DELETE_OBJECT_TAGGING = new OssAction("oss:DeleteObjectTagging", Permission.OWNER);
    public static final OssAction LIST_PARTS = new OssAction("oss:ListParts", Permission.WRITE);
    public static final OssAction ABORT_MULTIPART_UPLOAD = new OssAction("oss:AbortMultipartUpload", Permission.WRITE);
    public static final OssAction LIST_MULTIPART_UPLOADS = new OssAction("oss:ListMultipartUploads", Permission.READ);

    /** {@code oss:GetBucketCors}, {@code oss:PutBucketLifecycle}, ...: verb + "Bucket" + sub-resource. */
    public static OssAction bucketConfiguration(String verb, String subresource) {
        String resource = subresource.substring(0, 1).toUpperCase(Locale.ROOT) + subresource.substring(1);
        return new OssAction("oss:" + verb + "Bucket" + resource, Permission.OWNER);
    }
}
