/** The bucket steps: one small idempotent class per OSS call, built from plan changes by {@link dev.ossops.apply.bucket.BucketStepFactory}. */
package dev.ossops.apply.bucket;
