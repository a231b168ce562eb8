package dev.ossops.audit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ACLs of a bounded sample of a bucket's objects ({@code --objects N}): key to ACL as GetObjectACL answers
 * ({@code default}, {@code private}, {@code public-read}, {@code public-read-write}). {@code truncated} when the
 * bucket holds more objects than were sampled.
 */
public record ObjectAclSample(Map<String, String> acls, boolean truncated) {
    public ObjectAclSample {
        acls = Collections.unmodifiableMap(new TreeMap<>(acls));
    }

    public int size() {
        return acls.size();
    }
}
