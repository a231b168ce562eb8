package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.AccessMonitorCodec;
import dev.ossops.emulator.config.BucketConfigCodec;
import dev.ossops.emulator.config.LoggingConfiguration;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.BucketService;
import dev.ossops.emulator.service.StoredConfigs;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.StoredDocument;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import dev.ossops.policy.OssAction;
import org.w3c.dom.Element;

/** Bucket-level operations: create, delete, info, location, stat, ACL, versioning and generic configurations. */
public final class BucketRoutes {
    private final BucketService buckets;
    private final StoredConfigs configs;

    public BucketRoutes(BucketService buckets, StoredConfigs configs) {
        this.buckets = buckets;
        this.configs = configs;
    }

    Reply create(OssRequest r, Caller caller) {
        buckets.create(caller, r.requireBucket(), r.headerOrNull("x-oss-acl"), () -> createConfiguration(r));
        return Reply.empty(200).header("Location", "/" + r.requireBucket());
    }

    private static BucketService.CreateConfiguration createConfiguration(OssRequest r) {
        String resourceGroup = r.headerOrNull("x-oss-resource-group-id");
        byte[] body = r.document(DocumentLimits.SETTINGS);
        if (body.length == 0) {
            return new BucketService.CreateConfiguration(null, null, resourceGroup);
        }
        Element root = XmlReader.parse(body, "CreateBucketConfiguration");
        return new BucketService.CreateConfiguration(
                XmlReader.text(root, "StorageClass").orElse(null),
                XmlReader.text(root, "DataRedundancyType").orElse(null),
                resourceGroup);
    }

    Reply delete(OssRequest r, Caller caller) {
        buckets.delete(caller, r.requireBucket());
        return Reply.empty(204);
    }

    Reply getAcl(OssRequest r, Caller caller) {
        BucketRecord bucket = buckets.get(caller, r.requireBucket(), OssAction.GET_BUCKET_ACL);
        return Reply.xml(200, BucketXml.acl(bucket.owner(), bucket.acl()));
    }

    Reply putAcl(OssRequest r, Caller caller) {
        String acl = r.headerOrNull("x-oss-acl");
        buckets.putAcl(caller, r.requireBucket(), acl == null || acl.isBlank() ? null : acl);
        // OSS answers PutBucketAcl like PutBucket (its documented answers carry Location: /bucket).
        return Reply.empty(200).header("Location", "/" + r.requireBucket());
    }

    Reply getPolicyStatus(OssRequest r, Caller caller) {
        BucketConfigCodec.StoredConfig status = buckets.policyStatus(caller, r.requireBucket());
        return Reply.bytes(200, status.contentType(), status.body());
    }

    Reply getLocation(OssRequest r, Caller caller) {
        BucketRecord bucket = buckets.get(caller, r.requireBucket(), OssAction.GET_BUCKET_LOCATION);
        return Reply.xml(
                200,
                new XmlWriter()
                        .element("LocationConstraint", "oss-" + bucket.region())
                        .toXml());
    }

    Reply getInfo(OssRequest r, Caller caller) {
        BucketRecord b = buckets.get(caller, r.requireBucket(), OssAction.GET_BUCKET_INFO);
        XmlWriter xml = new XmlWriter()
                .start("BucketInfo")
                .start("Bucket")
                .element("AccessMonitor", AccessMonitorCodec.status(configs.accessMonitor(b.name())))
                .element("CreationDate", Formats.iso(b.createdMillis()))
                .element("ExtranetEndpoint", "oss-" + b.region() + ".aliyuncs.com")
                .element("IntranetEndpoint", "oss-" + b.region() + "-internal.aliyuncs.com")
                .element("Location", "oss-" + b.region())
                .element("StorageClass", b.storageClass())
                .element("TransferAcceleration", "Disabled")
                .element("CrossRegionReplication", configs.replicating(b.name()) ? "Enabled" : "Disabled")
                .element("DataRedundancyType", b.redundancy())
                .element("Name", b.name());
        BucketXml.owner(xml, b.owner());
        xml.start("AccessControlList").element("Grant", b.acl()).end();
        // GetBucketInfo's Comment: the bucket's description; no OSS API sets one, so it is empty.
        xml.element("Comment", "");
        xml.element("ResourceGroupId", buckets.resourceGroup(b.name()));
        xml.optional("Versioning", b.versioning());
        // GetBucketInfo: SSEAlgorithm "None" without a rule; KMSMasterKeyID/KMSDataEncryption only when set.
        xml.start("ServerSideEncryptionRule");
        configs.encryption(b.name())
                .ifPresentOrElse(
                        e -> {
                            xml.element("SSEAlgorithm", e.sseAlgorithm());
                            e.kmsMasterKeyId().ifPresent(k -> xml.element("KMSMasterKeyID", k));
                            e.kmsDataEncryption().ifPresent(k -> xml.element("KMSDataEncryption", k));
                        },
                        () -> xml.element("SSEAlgorithm", "None"));
        xml.end();
        LoggingConfiguration logging = configs.logging(b.name());
        xml.start("BucketPolicy")
                .element("LogBucket", logging.targetBucket().orElse(""))
                .element("LogPrefix", logging.targetPrefix().orElse(""))
                .end();
        xml.end().end();
        return Reply.xml(200, xml.toXml());
    }

    Reply getStat(OssRequest r, Caller caller) {
        BucketService.Stat stat = buckets.stat(caller, r.requireBucket());
        XmlWriter xml = new XmlWriter()
                .start("BucketStat")
                .element("Storage", stat.storage())
                .element("ObjectCount", stat.objectCount())
                .element("MultipartUploadCount", stat.multipartUploadCount())
                .element("LiveChannelCount", 0)
                .element("LastModifiedTime", stat.lastModifiedSeconds())
                .element("StandardStorage", stat.storage())
                .element("StandardObjectCount", stat.objectCount())
                .element("InfrequentAccessStorage", 0)
                .element("InfrequentAccessRealStorage", 0)
                .element("InfrequentAccessObjectCount", 0)
                .element("ArchiveStorage", 0)
                .element("ArchiveRealStorage", 0)
                .element("ArchiveObjectCount", 0)
                .element("ColdArchiveStorage", 0)
                .element("ColdArchiveRealStorage", 0)
                .element("ColdArchiveObjectCount", 0)
                .end();
        return Reply.xml(200, xml.toXml());
    }

    Reply getVersioning(OssRequest r, Caller caller) {
        BucketRecord bucket = buckets.get(caller, r.requireBucket(), OssAction.GET_BUCKET_VERSIONING);
        XmlWriter xml = new XmlWriter()
                .start("VersioningConfiguration")
                .optional("Status", bucket.versioning())
                .end();
        return Reply.xml(200, xml.toXml());
    }

    Reply putVersioning(OssRequest r, Caller caller) {
        buckets.putVersioning(caller, r.requireBucket(), () -> {
            Element root = XmlReader.parse(r.document(DocumentLimits.SETTINGS), "VersioningConfiguration");
            return XmlReader.text(root, "Status").orElseThrow(() -> new OssException(OssError.MALFORMED_XML));
        });
        return Reply.empty(200);
    }

    Reply getConfig(OssRequest r, Caller caller, String subresource) {
        StoredDocument document = buckets.getConfig(caller, r.requireBucket(), subresource);
        return Reply.bytes(200, document.contentType(), document.body());
    }

    Reply putConfig(OssRequest r, Caller caller, String subresource) {
        buckets.putConfig(
                caller, r.requireBucket(), subresource, () -> r.document(DocumentLimits.configuration(subresource)));
        return Reply.empty(200);
    }

    Reply deleteConfig(OssRequest r, Caller caller, String subresource) {
        buckets.deleteConfig(caller, r.requireBucket(), subresource);
        return Reply.empty(204);
    }
}
