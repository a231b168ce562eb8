package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.AccessMonitorCodec;
import dev.ossops.emulator.config.BucketConfigCodec;
import dev.ossops.emulator.config.BucketPolicyText;
import dev.ossops.emulator.config.LifecycleCodec;
import dev.ossops.emulator.config.PolicyStatus;
import dev.ossops.emulator.config.ResourceGroupCodec;
import dev.ossops.emulator.config.TaggingCodec;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.emulator.store.StoredDocument;
import dev.ossops.policy.OssAction;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Bucket lifecycle, ACL, versioning and the generic sub-configurations, with OSS's rules. Request
 * documents come as suppliers read only after the caller is authorized, so an unauthorized
 * request's body is neither read nor parsed. A bucket belongs to the account that created it; its
 * name is taken for every account (OSS's namespace is global), each account lists only its own and
 * has its own bucket quota.
 */
public final class BucketService {
    /** The data redundancy types OSS accepts. */
    static final Set<String> REDUNDANCY = Set.of("LRS", "ZRS");

    private final DiskStore store;
    private final AccessControl access;
    private final BucketConfigRegistry registry;
    private final String region;
    private final int maxBuckets;
    private final Clock clock;
    private final TaggingCodec tagging = new TaggingCodec();
    private final AccessMonitorCodec accessMonitor = new AccessMonitorCodec();
    private final LifecycleCodec lifecycle = new LifecycleCodec();
    private final ResourceGroupCodec resourceGroups = new ResourceGroupCodec();

    /** @param maxBuckets each account's bucket quota */
    public BucketService(ServiceContext context, BucketConfigRegistry registry, String region, int maxBuckets) {
        this.store = context.store();
        this.access = context.access();
        this.clock = context.clock();
        this.registry = registry;
        this.region = region;
        this.maxBuckets = maxBuckets;
    }

    public String region() {
        return region;
    }

    /**
     * The caller's account's buckets whose names start with {@code prefix}, after {@code marker}, whose tags pass
     * {@code tags}, in {@code resourceGroup} unless it is null (ListBuckets' x-oss-resource-group-id,
     * already checked), at most {@code maxKeys}.
     */
    public BucketPage list(
            Caller caller,
            @Nullable String prefix,
            @Nullable String marker,
            int maxKeys,
            BucketTagFilter tags,
            @Nullable String resourceGroup) {
        String account = access.checkAccount(caller, OssAction.LIST_BUCKETS);
        if (maxKeys < 1 || maxKeys > 1000) {
            throw new OssException(OssError.INVALID_ARGUMENT, "max-keys must be between 1 and 1000");
        }
        List<BucketRecord> matching = store.buckets().stream()
                .filter(b -> b.owner().equals(account))
                .filter(b -> prefix == null || b.name().startsWith(prefix))
                .filter(b -> marker == null || b.name().compareTo(marker) > 0)
                .filter(b -> !tags.filters() || tags.matches(tags(b.name())))
                .filter(b -> resourceGroup == null || resourceGroup.equals(resourceGroup(b.name())))
                .toList();
        boolean truncated = matching.size() > maxKeys;
        List<BucketRecord> page = truncated ? matching.subList(0, maxKeys) : matching;
        return new BucketPage(
                account, page, truncated, truncated ? page.get(page.size() - 1).name() : null);
    }

    /** The bucket's tags (PutBucketTags), empty when it has none. */
    public Map<String, String> tags(String bucket) {
        return store.config(bucket, "tagging")
                .map(d -> tagging.parse(d.body()).tags())
                .orElse(Map.of());
    }

    /** One page of ListBuckets of {@code owner}'s buckets. */
    public record BucketPage(
            String owner,
            List<BucketRecord> buckets,
            boolean truncated,
            @Nullable String nextMarker) {}

    /**
     * PutBucket's optional settings: CreateBucketConfiguration's StorageClass and DataRedundancyType,
     * and the {@code x-oss-resource-group-id} header; null fields take OSS's defaults (Standard, LRS,
     * the default resource group).
     */
    public record CreateConfiguration(
            @Nullable String storageClass,
            @Nullable String redundancy,
            @Nullable String resourceGroup) {
        public static final CreateConfiguration DEFAULTS = new CreateConfiguration(null, null, null);
    }

    /**
     * PutBucket. Checked against the PutBucket API reference: calling it again on a bucket of the
     * caller's own account succeeds and changes its metadata, the ACL (which needs
     * {@code oss:PutBucketAcl}); storage class, redundancy and region are fixed at creation. A
     * bucket of another account is {@code BucketAlreadyExists}. The resource group is the new
     * bucket's (the default one when blank); a later call leaves the group to PutBucketResourceGroup.
     */
    public BucketRecord create(
            Caller caller, String name, @Nullable String acl, Supplier<CreateConfiguration> configuration) {
        String account = access.checkNewBucket(caller, name);
        Names.checkBucket(name);
        String checkedAcl = acl == null ? "private" : Names.checkAcl(acl, false);
        CreateConfiguration requested = configuration.get();
        String storageClass = requested.storageClass();
        String redundancy = requested.redundancy();
        String group = requested.resourceGroup() == null
                ? ResourceGroupCodec.DEFAULT_GROUP
                : ResourceGroupCodec.checkId(requested.resourceGroup());
        String checkedClass = storageClass == null ? "Standard" : Names.checkStorageClass(storageClass);
        if (redundancy != null && !REDUNDANCY.contains(redundancy)) {
            throw new OssException(OssError.INVALID_ARGUMENT, "Invalid data redundancy type: " + redundancy);
        }
        return store.atomically(() -> {
            Optional<BucketRecord> existing = store.bucket(name);
            if (existing.isPresent()) {
                return recreate(caller, existing.get(), acl == null ? null : checkedAcl);
            }
            if (store.buckets().stream().filter(b -> b.owner().equals(account)).count() >= maxBuckets) {
                throw new OssException(OssError.TOO_MANY_BUCKETS);
            }
            BucketRecord record = new BucketRecord(
                    name,
                    account,
                    clock.millis(),
                    caller.signingRegion().orElse(region),
                    checkedClass,
                    redundancy == null ? "LRS" : redundancy,
                    checkedAcl,
                    null);
            store.putBucket(record);
            if (!ResourceGroupCodec.DEFAULT_GROUP.equals(group)) {
                BucketConfigCodec.StoredConfig document = resourceGroups.stored(group);
                store.putConfig(
                        name,
                        ResourceGroupCodec.SUBRESOURCE,
                        new StoredDocument(document.contentType(), document.body()));
            }
            return record;
        });
    }

    /** The bucket's resource group (PutBucketResourceGroup), {@code rg-default-id} when never moved. */
    public String resourceGroup(String bucket) {
        return store.config(bucket, ResourceGroupCodec.SUBRESOURCE)
                .map(d -> resourceGroups.parse(d.body()))
                .orElse(ResourceGroupCodec.DEFAULT_GROUP);
    }

    /** PutBucket on an existing bucket: the owner's account may set a new ACL, anyone else is refused. */
    private BucketRecord recreate(Caller caller, BucketRecord bucket, @Nullable String acl) {
        boolean sameAccount = caller.principal()
                .map(p -> p.accountId().equals(bucket.owner()))
                .orElse(false);
        if (!sameAccount) {
            throw new OssException(OssError.BUCKET_ALREADY_EXISTS).with("BucketName", bucket.name());
        }
        if (acl == null || acl.equals(bucket.acl())) {
            return bucket;
        }
        access.checkBucket(caller, bucket, OssAction.PUT_BUCKET_ACL);
        access.checkBucketAclChange(bucket, acl);
        BucketRecord changed = bucket.withAcl(acl);
        store.putBucket(changed);
        return changed;
    }

    /** Deletes an empty bucket; objects, versions, delete markers and uploads all count. */
    public void delete(Caller caller, String name) {
        store.atomically(() -> {
            BucketRecord bucket = require(name);
            access.checkBucket(caller, bucket, OssAction.DELETE_BUCKET);
            if (!store.keys(name).isEmpty()) {
                throw new OssException(OssError.BUCKET_NOT_EMPTY).with("BucketName", name);
            }
            // OSS answers pending uploads with the same code and its own message.
            if (!store.uploads(name).isEmpty()) {
                throw new OssException(OssError.BUCKET_HAS_MULTIPART_UPLOADS).with("BucketName", name);
            }
            store.deleteBucket(name);
            return null;
        });
    }

    /** The bucket, once the caller may do {@code action} on it: NoSuchBucket before any denial. */
    public BucketRecord get(Caller caller, String name, OssAction action) {
        BucketRecord bucket = require(name);
        access.checkBucket(caller, bucket, action);
        return bucket;
    }

    /**
     * PutBucketAcl. As documented, a bucket that does not exist is created (with this ACL), and a
     * request without {@code x-oss-acl} ({@code acl} null) changes nothing. So, like PutBucket, it
     * answers BucketAlreadyExists for a name another account holds, unless that account's bucket
     * policy lets the caller set the ACL.
     */
    public void putAcl(Caller caller, String name, @Nullable String acl) {
        String checked = acl == null ? null : Names.checkAcl(acl, false);
        if (store.bucket(name).isEmpty()) {
            try {
                create(caller, name, checked, () -> CreateConfiguration.DEFAULTS);
                return;
            } catch (OssException e) {
                if (e.error() != OssError.BUCKET_ALREADY_EXISTS) {
                    throw e;
                }
                // Created by another request in the meantime: set the ACL of that bucket below.
            }
        }
        store.atomically(() -> {
            BucketRecord bucket = require(name);
            try {
                access.checkBucket(caller, bucket, OssAction.PUT_BUCKET_ACL);
            } catch (OssException denied) {
                if (caller.accountId()
                        .filter(account -> !account.equals(bucket.owner()))
                        .isPresent()) {
                    throw new OssException(OssError.BUCKET_ALREADY_EXISTS).with("BucketName", name);
                }
                throw denied;
            }
            if (checked != null) {
                access.checkBucketAclChange(bucket, checked);
                store.putBucket(bucket.withAcl(checked));
            }
            return null;
        });
    }

    /** Enabled or Suspended; once versioned, a bucket never returns to unversioned. */
    public void putVersioning(Caller caller, String name, Supplier<String> requested) {
        // Authorized outside the store's lock, and before the body is read: reading it may wait on the client.
        get(caller, name, OssAction.PUT_BUCKET_VERSIONING);
        String status = requested.get();
        if (!"Enabled".equals(status) && !"Suspended".equals(status)) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        store.atomically(() -> {
            BucketRecord bucket = get(caller, name, OssAction.PUT_BUCKET_VERSIONING);
            store.putBucket(bucket.withVersioning(status));
            return null;
        });
    }

    /** Storage and object counts, computed from the index. */
    public Stat stat(Caller caller, String name) {
        get(caller, name, OssAction.GET_BUCKET_STAT);
        long storage = 0;
        long objects = 0;
        long lastModified = 0;
        for (KeyRecord key : store.keys(name).values()) {
            for (ObjectVersion v : key.versions()) {
                if (!v.deleteMarker()) {
                    storage += v.size();
                    lastModified = Math.max(lastModified, v.lastModified());
                }
            }
            if (key.current().isPresent()) {
                objects++;
            }
        }
        return new Stat(storage, objects, store.uploads(name).size(), lastModified / 1000);
    }

    /** GetBucketStat's figures. */
    public record Stat(long storage, long objectCount, long multipartUploadCount, long lastModifiedSeconds) {}

    /**
     * GetBucketPolicyStatus. The policy catalogue has no oss:GetBucketPolicyStatus yet, so it is
     * authorized as oss:GetBucketPolicy, which reads the same document.
     */
    public BucketConfigCodec.StoredConfig policyStatus(Caller caller, String name) {
        BucketRecord bucket = get(caller, name, OssAction.GET_BUCKET_POLICY);
        Optional<BucketPolicyText> policy = store.config(bucket.name(), "policy")
                .map(document -> new BucketPolicyText(new String(document.body(), StandardCharsets.UTF_8)));
        return PolicyStatus.render(policy, document -> access.isPublic(bucket, document.json()));
    }

    public StoredDocument getConfig(Caller caller, String name, String subresource) {
        BucketConfigCodec codec = codec(subresource);
        BucketRecord bucket = get(caller, name, AccessControl.configurationAction("Get", subresource));
        return store.config(bucket.name(), subresource).orElseGet(() -> {
            BucketConfigCodec.StoredConfig unset = codec.whenUnset(name);
            return new StoredDocument(unset.contentType(), unset.body());
        });
    }

    public void putConfig(Caller caller, String name, String subresource, Supplier<byte[]> body) {
        BucketConfigCodec codec = codec(subresource);
        BucketRecord bucket = get(caller, name, AccessControl.configurationAction("Put", subresource));
        BucketConfigCodec.StoredConfig accepted = codec.accept(name, body.get());
        if ("policy".equals(subresource)) {
            access.checkPolicyChange(bucket, new String(accepted.body(), StandardCharsets.UTF_8));
        }
        if (AccessMonitorCodec.SUBRESOURCE.equals(subresource)) {
            checkAccessMonitorChange(name, accepted.body());
        }
        store.atomically(() -> {
            require(name);
            store.putConfig(name, subresource, new StoredDocument(accepted.contentType(), accepted.body()));
            return null;
        });
    }

    public void deleteConfig(Caller caller, String name, String subresource) {
        codec(subresource);
        store.atomically(() -> {
            get(caller, name, AccessControl.configurationAction("Delete", subresource));
            store.deleteConfig(name, subresource);
            return null;
        });
    }

    /**
     * PutBucketAccessMonitor (API reference): access tracking can be set to Disabled only while no
     * lifecycle rule of the bucket is based on the last access time.
     */
    private void checkAccessMonitorChange(String bucket, byte[] accepted) {
        boolean disabling = !accessMonitor.parse(accepted);
        boolean needed = store.config(bucket, "lifecycle")
                .map(d -> lifecycle.parse(d.body()).usesAccessTime())
                .orElse(false);
        if (disabling && needed) {
            throw new OssException(OssError.ACCESS_MONITOR_DISABLE_NOT_ALLOWED).with("BucketName", bucket);
        }
    }

    private BucketConfigCodec codec(String subresource) {
        return registry.codec(subresource)
                .orElseThrow(() -> new OssException(
                        OssError.NOT_IMPLEMENTED,
                        "The emulator does not implement the bucket sub-resource ?" + subresource + "."));
    }

    /** The bucket, or NoSuchBucket naming it. */
    public BucketRecord require(String name) {
        return store.bucket(name).orElseThrow(() -> noSuchBucket(name));
    }

    static OssException noSuchBucket(String name) {
        return new OssException(
                OssError.NO_SUCH_BUCKET, OssError.NO_SUCH_BUCKET.defaultMessage(), Map.of("BucketName", name));
    }
}
