package dev.ossops.cloud.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AccessControlList;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.BucketLoggingResult;
import com.aliyun.oss.model.BucketReferer;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.CreateBucketRequest;
import com.aliyun.oss.model.DataRedundancyType;
import com.aliyun.oss.model.DeleteBucketReplicationRequest;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketAclRequest;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import com.aliyun.oss.model.SetBucketLoggingRequest;
import com.aliyun.oss.model.SetBucketRefererRequest;
import com.aliyun.oss.model.SetBucketTaggingRequest;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.StorageClass;
import com.aliyun.oss.model.TagSet;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.OssClients;
import dev.ossops.cloud.Retry;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.LifecycleRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Bucket configuration through the official OSS SDK, one client per region of one {@link CloudTarget}. Reads return
 * {@code Optional.empty()} when the configuration (or the bucket) does not exist; every call is named
 * ({@code PutBucketLifecycle myapp-media}) and goes through the one {@link Retry} layer, so a failure is a
 * {@link dev.ossops.cloud.CloudException} that says what was being done. Content the profile model cannot express
 * is an {@link UnrepresentableException}.
 */
public final class OssGateway implements AutoCloseable {
    private static final String NO_SUCH_BUCKET = "NoSuchBucket";

    private final CloudTarget target;
    private final Retry retry;
    private final int maxConnections;
    private final Map<String, OSS> clients = new ConcurrentHashMap<>();
    private final BucketObjects objects;
    private final SmallObjects smallObjects;

    public OssGateway(CloudTarget target, Retry retry, int maxConnections) {
        this.target = target;
        this.retry = retry;
        this.maxConnections = maxConnections;
        this.objects = new BucketObjects(this::client, retry);
        this.smallObjects = new SmallObjects(this::client, retry);
    }

    OSS client(String region) {
        return clients.computeIfAbsent(region, r -> OssClients.create(target, r, SignVersion.V4, maxConnections));
    }

    /** Listing objects for expiration impact. */
    public BucketObjects objects() {
        return objects;
    }

    /** Whole small objects, such as apply's lock. */
    public SmallObjects smallObjects() {
        return smallObjects;
    }

    // --- the bucket itself

    public Optional<BucketInfo> bucket(OssBucket b) {
        return read("GetBucketInfo", b, Set.of(NO_SUCH_BUCKET), oss -> {
            com.aliyun.oss.model.BucketInfo info = oss.getBucketInfo(b.name());
            DataRedundancyType redundancy = info.getDataRedundancyType();
            StorageClass storageClass = info.getBucket().getStorageClass();
            return new BucketInfo(
                    Regions.strip(info.getBucket().getLocation()),
                    storageClass == null ? "Standard" : storageClass.toString(),
                    redundancy == null ? "LRS" : redundancy.toString());
        });
    }

    /** Every bucket of the account with its region (ListBuckets, page by page), asked at {@code region}'s endpoint. */
    public List<OssBucket> buckets(String region) {
        List<OssBucket> out = new ArrayList<>();
        String marker = null;
        while (true) {
            ListBucketsRequest request = new ListBucketsRequest(null, marker, 1000);
            BucketList page = retry.call("ListBuckets", () -> client(region).listBuckets(request));
            page.getBucketList()
                    .forEach(b -> out.add(new OssBucket(
                            b.getName(),
                            b.getLocation() == null || b.getLocation().isEmpty()
                                    ? region
                                    : Regions.strip(b.getLocation()))));
            if (!page.isTruncated()) {
                return out;
            }
            marker = page.getNextMarker();
        }
    }

    /** Creates the bucket with its create-only properties (and ACL when given, so it is never public by accident). */
    public void createBucket(
            OssBucket b, Optional<String> storageClass, Optional<String> redundancy, Optional<String> acl) {
        CreateBucketRequest request = new CreateBucketRequest(b.name());
        storageClass.ifPresent(s -> request.setStorageClass(StorageClass.parse(s)));
        redundancy.ifPresent(r -> request.setDataRedundancyType(DataRedundancyType.parse(r)));
        acl.ifPresent(a -> request.setCannedACL(CannedAccessControlList.parse(a)));
        write("PutBucket", b, oss -> oss.createBucket(request));
    }

    // --- ACL and versioning

    public Optional<String> acl(OssBucket b) {
        return read("GetBucketAcl", b, Set.of(NO_SUCH_BUCKET), oss -> {
            AccessControlList acl = oss.getBucketAcl(b.name());
            if (acl.getCannedACL() == null) {
                throw new UnrepresentableException(
                        "the bucket ACL has explicit grants, which a profile cannot express");
            }
            return acl.getCannedACL().toString();
        });
    }

    public void putAcl(OssBucket b, String acl) {
        write(
                "PutBucketAcl",
                b,
                oss -> oss.setBucketAcl(new SetBucketAclRequest(b.name(), CannedAccessControlList.parse(acl))));
    }

    public Optional<String> versioning(OssBucket b) {
        return read("GetBucketVersioning", b, Set.of(NO_SUCH_BUCKET), oss -> {
            String status = oss.getBucketVersioning(b.name()).getStatus();
            return status == null || status.isEmpty() || "Off".equals(status) ? null : status;
        });
    }

    public void putVersioning(OssBucket b, String status) {
        write(
                "PutBucketVersioning",
                b,
                oss -> oss.setBucketVersioning(
                        new SetBucketVersioningRequest(b.name(), new BucketVersioningConfiguration(status))));
    }

    // --- encryption and Block Public Access

    public Optional<Bucket.Encryption> encryption(OssBucket b) {
        return read("GetBucketEncryption", b, Set.of(NO_SUCH_BUCKET, "NoSuchServerSideEncryptionRule"), oss -> {
            ServerSideEncryptionByDefault rule =
                    oss.getBucketEncryption(b.name()).getApplyServerSideEncryptionByDefault();
            if (rule == null
                    || rule.getSSEAlgorithm() == null
                    || rule.getSSEAlgorithm().isEmpty()) {
                return null;
            }
            if (rule.getKMSDataEncryption() != null
                    && !rule.getKMSDataEncryption().isEmpty()) {
                throw new UnrepresentableException("encryption uses KMSDataEncryption " + rule.getKMSDataEncryption()
                        + ", which a profile cannot express");
            }
            String key = rule.getKMSMasterKeyID();
            return new Bucket.Encryption(
                    rule.getSSEAlgorithm(), key == null || key.isEmpty() ? Optional.empty() : Optional.of(key));
        });
    }

    public void putEncryption(OssBucket b, Bucket.Encryption encryption) {
        ServerSideEncryptionByDefault rule = new ServerSideEncryptionByDefault(encryption.algorithm());
        encryption.kmsKeyId().ifPresent(rule::setKMSMasterKeyID);
        ServerSideEncryptionConfiguration conf = new ServerSideEncryptionConfiguration();
        conf.setApplyServerSideEncryptionByDefault(rule);
        write("PutBucketEncryption", b, oss -> oss.setBucketEncryption(new SetBucketEncryptionRequest(b.name(), conf)));
    }

    public void deleteEncryption(OssBucket b) {
        write("DeleteBucketEncryption", b, oss -> oss.deleteBucketEncryption(b.name()));
    }

    public Optional<Boolean> blockPublicAccess(OssBucket b) {
        return read(
                "GetBucketPublicAccessBlock",
                b,
                Set.of(NO_SUCH_BUCKET, "NoSuchPublicAccessBlockConfiguration"),
                oss -> oss.getBucketPublicAccessBlock(b.name()).getBlockPublicAccess());
    }

    public void putBlockPublicAccess(OssBucket b, boolean on) {
        write(
                "PutBucketPublicAccessBlock",
                b,
                oss -> oss.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest(b.name(), on)));
    }

    public void deleteBlockPublicAccess(OssBucket b) {
        write("DeleteBucketPublicAccessBlock", b, oss -> oss.deleteBucketPublicAccessBlock(b.name()));
    }

    // --- CORS, lifecycle, policy

    public Optional<CorsConfiguration> cors(OssBucket b) {
        return read(
                "GetBucketCors",
                b,
                Set.of(NO_SUCH_BUCKET, "NoSuchCORSConfiguration"),
                oss -> CorsMapper.fromSdk(oss.getBucketCORS(new GenericRequest(b.name()))));
    }

    public void putCors(OssBucket b, CorsConfiguration cors) {
        write("PutBucketCors", b, oss -> oss.setBucketCORS(CorsMapper.toSdk(b.name(), cors)));
    }

    public void deleteCors(OssBucket b) {
        write("DeleteBucketCors", b, oss -> oss.deleteBucketCORSRules(b.name()));
    }

    public Optional<List<LifecycleRule>> lifecycle(OssBucket b) {
        return read("GetBucketLifecycle", b, Set.of(NO_SUCH_BUCKET, "NoSuchLifecycle"), oss -> {
            List<LifecycleRule> rules = new ArrayList<>();
            oss.getBucketLifecycle(b.name()).forEach(r -> rules.add(LifecycleMapper.fromSdk(r)));
            return rules.isEmpty() ? null : List.copyOf(rules);
        });
    }

    public void putLifecycle(OssBucket b, List<LifecycleRule> rules) {
        SetBucketLifecycleRequest request = new SetBucketLifecycleRequest(b.name());
        rules.forEach(r -> request.AddLifecycleRule(LifecycleMapper.toSdk(r)));
        write("PutBucketLifecycle", b, oss -> oss.setBucketLifecycle(request));
    }

    public void deleteLifecycle(OssBucket b) {
        write("DeleteBucketLifecycle", b, oss -> oss.deleteBucketLifecycle(b.name()));
    }

    /** The bucket policy JSON as OSS returns it. */
    public Optional<String> policy(OssBucket b) {
        return read("GetBucketPolicy", b, Set.of(NO_SUCH_BUCKET, "NoSuchBucketPolicy"), oss -> {
            String text = oss.getBucketPolicy(b.name()).getPolicyText();
            return text == null || text.isBlank() ? null : text;
        });
    }

    public void putPolicy(OssBucket b, String json) {
        write("PutBucketPolicy", b, oss -> oss.setBucketPolicy(b.name(), json));
    }

    public void deletePolicy(OssBucket b) {
        write("DeleteBucketPolicy", b, oss -> oss.deleteBucketPolicy(b.name()));
    }

    // --- tags, logging, referer

    public Optional<Map<String, String>> tags(OssBucket b) {
        return read("GetBucketTags", b, Set.of(NO_SUCH_BUCKET, "NoSuchTagSet"), oss -> {
            Map<String, String> tags = oss.getBucketTagging(b.name()).getAllTags();
            return tags == null || tags.isEmpty() ? null : new LinkedHashMap<>(tags);
        });
    }

    public void putTags(OssBucket b, Map<String, String> tags) {
        write(
                "PutBucketTags",
                b,
                oss -> oss.setBucketTagging(
                        new SetBucketTaggingRequest(b.name(), new TagSet(new LinkedHashMap<>(tags)))));
    }

    public void deleteTags(OssBucket b) {
        write("DeleteBucketTags", b, oss -> oss.deleteBucketTagging(b.name()));
    }

    public Optional<Bucket.Logging> logging(OssBucket b) {
        return read("GetBucketLogging", b, Set.of(NO_SUCH_BUCKET), oss -> {
            BucketLoggingResult result = oss.getBucketLogging(b.name());
            if (result.getTargetBucket() == null || result.getTargetBucket().isEmpty()) {
                return null;
            }
            return new Bucket.Logging(
                    result.getTargetBucket(), result.getTargetPrefix() == null ? "" : result.getTargetPrefix());
        });
    }

    public void putLogging(OssBucket b, Bucket.Logging logging) {
        SetBucketLoggingRequest request = new SetBucketLoggingRequest(b.name());
        request.setTargetBucket(logging.targetBucket());
        request.setTargetPrefix(logging.prefix());
        write("PutBucketLogging", b, oss -> oss.setBucketLogging(request));
    }

    public void deleteLogging(OssBucket b) {
        write("DeleteBucketLogging", b, oss -> oss.deleteBucketLogging(b.name()));
    }

    /** Hotlink protection; every bucket has one (the service default allows everything). */
    public Optional<Bucket.Referer> referer(OssBucket b) {
        return read("GetBucketReferer", b, Set.of(NO_SUCH_BUCKET), oss -> {
            BucketReferer r = oss.getBucketReferer(b.name());
            return new Bucket.Referer(
                    r.isAllowEmptyReferer(),
                    !Boolean.FALSE.equals(r.isAllowTruncateQueryString()),
                    r.getRefererList() == null ? List.of() : r.getRefererList(),
                    r.getBlackRefererList() == null ? List.of() : r.getBlackRefererList());
        });
    }

    public void putReferer(OssBucket b, Bucket.Referer referer) {
        BucketReferer r = new BucketReferer(referer.allowEmpty(), new ArrayList<>(referer.allowed()));
        r.setAllowTruncateQueryString(referer.allowTruncateQueryString());
        r.setBlackRefererList(new ArrayList<>(referer.blacklist()));
        write("PutBucketReferer", b, oss -> oss.setBucketReferer(new SetBucketRefererRequest(b.name(), r)));
    }

    // --- audit reads

    /**
     * Account-level Block Public Access (GetPublicAccessBlock), asked at {@code region}'s endpoint; empty when it was
     * never configured.
     */
    public Optional<Boolean> accountBlockPublicAccess(String region) {
        return retry.call("GetPublicAccessBlock", () -> {
            try {
                return Optional.of(client(region).getPublicAccessBlock().getBlockPublicAccess());
            } catch (OSSException e) {
                if ("NoSuchPublicAccessBlockConfiguration".equals(e.getErrorCode())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /**
     * The ACLs of the first {@code limit} objects in key order (ListObjects, then GetObjectACL per key); empty when the
     * bucket does not exist. An object deleted between the listing and its ACL read is left out.
     */
    public Optional<ObjectAcls> objectAcls(OssBucket b, int limit) {
        List<String> keys = new ArrayList<>();
        String marker = null;
        boolean truncated;
        do {
            ListObjectsRequest request = new ListObjectsRequest(b.name())
                    .withMaxKeys(Math.min(1000, limit - keys.size()))
                    .withEncodingType(ListingEncoding.URL);
            request.setMarker(marker);
            Optional<ObjectListing> page =
                    read("ListObjects", b, Set.of(NO_SUCH_BUCKET), oss -> oss.listObjects(request));
            if (page.isEmpty()) {
                return Optional.empty();
            }
            page.get().getObjectSummaries().forEach(o -> keys.add(ListingEncoding.decode(o.getKey())));
            truncated = page.get().isTruncated();
            marker = ListingEncoding.decode(page.get().getNextMarker());
        } while (truncated && keys.size() < limit && marker != null);
        Map<String, String> acls = new LinkedHashMap<>();
        // Each ACL read is its own retried call, so one slow object does not repeat the listing.
        keys.forEach(key -> objectAcl(b, key).ifPresent(acl -> acls.put(key, acl)));
        return Optional.of(new ObjectAcls(acls, truncated));
    }

    /** GetObjectACL of one object; empty when it no longer exists. */
    public Optional<String> objectAcl(OssBucket b, String key) {
        return read(
                "GetObjectAcl " + key + " in",
                b,
                Set.of(NO_SUCH_BUCKET, "NoSuchKey"),
                oss -> oss.getObjectAcl(b.name(), key).getPermission().toString());
    }

    // --- replication (rules are added and deleted one at a time; OSS cannot modify one)

    public Optional<Map<String, Bucket.ReplicationRule>> replication(OssBucket b) {
        return read("GetBucketReplication", b, Set.of(NO_SUCH_BUCKET, "NoSuchReplicationConfiguration"), oss -> {
            Map<String, Bucket.ReplicationRule> rules = new LinkedHashMap<>();
            for (com.aliyun.oss.model.ReplicationRule r : oss.getBucketReplication(b.name())) {
                rules.put(r.getReplicationRuleID(), ReplicationMapper.fromSdk(r));
            }
            return rules;
        });
    }

    public void addReplicationRule(OssBucket b, Bucket.ReplicationRule rule) {
        write(
                "PutBucketReplication " + rule.name() + " on",
                b,
                oss -> oss.addBucketReplication(ReplicationMapper.toSdk(b.name(), rule)));
    }

    /** Deletes one rule; a rule already gone counts as deleted, so the step is idempotent. */
    public void deleteReplicationRule(OssBucket b, String ruleId) {
        retry.call("DeleteBucketReplication " + ruleId + " on " + b.name(), () -> {
            try {
                return client(b.region()).deleteBucketReplication(new DeleteBucketReplicationRequest(b.name(), ruleId));
            } catch (OSSException e) {
                if ("NoSuchReplicationRule".equals(e.getErrorCode())
                        || "NoSuchReplicationConfiguration".equals(e.getErrorCode())) {
                    return null;
                }
                throw e;
            }
        });
    }

    private <T> Optional<T> read(String what, OssBucket b, Set<String> notFound, Function<OSS, T> call) {
        try {
            return retry.call(what + " " + b.name(), () -> {
                try {
                    return Optional.ofNullable(call.apply(client(b.region())));
                } catch (OSSException e) {
                    if (notFound.contains(e.getErrorCode())) {
                        return Optional.empty();
                    }
                    throw e;
                }
            });
        } catch (CloudException e) {
            // The retry layer wraps everything; content the model cannot express is not a failed call.
            if (e.getCause() instanceof UnrepresentableException u) {
                throw u;
            }
            throw e;
        }
    }

    private void write(String what, OssBucket b, Function<OSS, ?> call) {
        retry.call(what + " " + b.name(), () -> call.apply(client(b.region())));
    }

    @Override
    public void close() {
        clients.values().forEach(OSS::shutdown);
        clients.clear();
    }
}
