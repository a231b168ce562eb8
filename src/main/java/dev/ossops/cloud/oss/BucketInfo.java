package dev.ossops.cloud.oss;

/** What GetBucketInfo says about a bucket's create-only properties; {@code region} without the {@code oss-} prefix. */
public record BucketInfo(String region, String storageClass, String redundancy) {}
