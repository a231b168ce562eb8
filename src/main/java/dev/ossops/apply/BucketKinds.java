package dev.ossops.apply;

import java.util.EnumSet;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;

/**
 * The address kinds of a bucket. Each setting is read and changed on its own; replication is read whole
 * ({@code REPLICATION}) and changed rule by rule ({@code REPLICATION_RULE}).
 */
public final class BucketKinds {
    private static final Set<Kind> SETTINGS = EnumSet.of(
            Kind.BUCKET,
            Kind.ACL,
            Kind.VERSIONING,
            Kind.ENCRYPTION,
            Kind.BLOCK_PUBLIC_ACCESS,
            Kind.CORS,
            Kind.LIFECYCLE,
            Kind.POLICY,
            Kind.TAGS,
            Kind.LOGGING,
            Kind.REFERER);

    /** What {@link BucketLiveSource} reads. */
    public static final Set<Kind> READ = with(Kind.REPLICATION);

    /** What the bucket steps change. */
    public static final Set<Kind> CHANGED = with(Kind.REPLICATION_RULE);

    private BucketKinds() {}

    private static Set<Kind> with(Kind replication) {
        EnumSet<Kind> kinds = EnumSet.copyOf(SETTINGS);
        kinds.add(replication);
        return Set.copyOf(kinds);
    }
}
