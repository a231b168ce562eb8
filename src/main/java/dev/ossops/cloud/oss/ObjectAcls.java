package dev.ossops.cloud.oss;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ACLs of the first objects of a bucket, key to ACL as GetObjectACL names it ({@code default} means the object
 * inherits the bucket's ACL); {@code truncated} when the bucket holds more objects than were read.
 */
public record ObjectAcls(Map<String, String> acls, boolean truncated) {
    public ObjectAcls {
        acls = Collections.unmodifiableMap(new LinkedHashMap<>(acls));
    }
}
