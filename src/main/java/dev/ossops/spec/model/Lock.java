package dev.ossops.spec.model;

import java.util.Objects;

/**
 * Where apply keeps its lock: one object in an existing bucket.
 *
 * @param ttlSeconds how long after it was taken a lock may be taken over by another apply
 */
public record Lock(String bucket, String key, int ttlSeconds) {
    public Lock {
        Objects.requireNonNull(bucket);
        Objects.requireNonNull(key);
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("ttlSeconds must be positive, was " + ttlSeconds);
        }
    }
}
