package dev.ossops.cloud.oss;

import java.util.Objects;

/** A bucket and the region whose endpoint serves it. */
public record OssBucket(String name, String region) {
    public OssBucket {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
    }
}
