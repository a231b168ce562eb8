package dev.ossops.apply;

import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.credentials.CredentialsException;
import dev.ossops.cloud.oss.BucketInfo;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.cloud.oss.UnrepresentableException;
import dev.ossops.plan.Address;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;
import dev.ossops.spec.model.Profile;

import java.util.Optional;

/** Reads bucket configurations through the {@link OssGateway}, each at its bucket's region. */
public final class BucketLiveSource implements LiveSource {
    private final OssGateway gateway;
    private final Profile profile;

    public BucketLiveSource(OssGateway gateway, Profile profile) {
        this.gateway = gateway;
        this.profile = profile;
    }

    @Override
    public boolean reads(Address address) {
        return BucketKinds.READ.contains(address.kind());
    }

    @Override
    public Observed<?> read(Address address) {
        OssBucket b = BucketRegions.of(profile, address.owner());
        try {
            Optional<?> value = switch (address.kind()) {
                case BUCKET -> gateway.bucket(b).map(BucketLiveSource::live);
                case ACL -> gateway.acl(b);
                case VERSIONING -> gateway.versioning(b);
                case ENCRYPTION -> gateway.encryption(b);
                case BLOCK_PUBLIC_ACCESS -> gateway.blockPublicAccess(b);
                case CORS -> gateway.cors(b);
                case LIFECYCLE -> gateway.lifecycle(b);
                case POLICY -> gateway.policy(b);
                case TAGS -> gateway.tags(b);
                case LOGGING -> gateway.logging(b);
                case REFERER -> gateway.referer(b);
                case REPLICATION -> gateway.replication(b);
                default -> throw new IllegalArgumentException("not a bucket read: " + address);
            };
            return value.<Observed<?>>map(Observed::found).orElseGet(Observed::absent);
        } catch (CloudException | CredentialsException e) {
            return Observed.unreadable(String.valueOf(e.getMessage()));
        } catch (UnrepresentableException e) {
            return Observed.unrepresentable(String.valueOf(e.getMessage()));
        }
    }

    private static Live.Bucket live(BucketInfo info) {
        return new Live.Bucket(info.region(), info.storageClass(), info.redundancy());
    }
}
