package dev.ossops.policy;

/** What an OSS action does, for audit questions such as "can anonymous write?". */
public enum AccessLevel {
    /** Reads data or settings: GetObject, GetBucketInfo, GetBucketAcl. */
    READ,
    /** Enumerates: ListBuckets, ListObjects, ListParts. */
    LIST,
    /** Creates, changes or deletes data: PutObject, DeleteObject, PutBucket, DeleteBucket. */
    WRITE,
    /** Changes who may access: ACLs, bucket policy, Block Public Access, referer protection. */
    PERMISSIONS_MANAGEMENT,
    /** Changes other bucket settings: lifecycle, CORS, logging, versioning, replication. */
    CONFIGURATION
}
