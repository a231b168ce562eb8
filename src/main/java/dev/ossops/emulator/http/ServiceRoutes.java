package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.ResourceGroupCodec;
import dev.ossops.emulator.service.BucketService;
import dev.ossops.emulator.service.BucketTagFilter;
import dev.ossops.emulator.service.ListingService;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.xml.XmlWriter;

/** GET / : ListBuckets (GetService), with the tag filters of {@link BucketTagFilter}. */
public final class ServiceRoutes {
    private final BucketService buckets;

    public ServiceRoutes(BucketService buckets) {
        this.buckets = buckets;
    }

    Reply listBuckets(OssRequest r, Caller caller) {
        String prefix = r.param("prefix");
        String marker = r.param("marker");
        String maxKeysParam = r.param("max-keys");
        int maxKeys = ListingService.maxKeys(maxKeysParam, 1000);
        BucketTagFilter tags = BucketTagFilter.of(r.param("tag-key"), r.param("tag-value"), r.param("tagging"));
        // ListBuckets reference: with x-oss-resource-group-id only that group's buckets (a blank value:
        // the default group), each with its ResourceGroupId; without it every bucket of the account.
        String groupHeader = r.headerOrNull("x-oss-resource-group-id");
        String group = groupHeader == null ? null : ResourceGroupCodec.checkId(groupHeader.trim());
        BucketService.BucketPage page = buckets.list(caller, prefix, marker, maxKeys, tags, group);
        XmlWriter xml = new XmlWriter().start("ListAllMyBucketsResult");
        xml.optional("Prefix", prefix).optional("Marker", marker).optional("MaxKeys", maxKeysParam);
        if (prefix != null || marker != null || maxKeysParam != null) {
            xml.element("IsTruncated", page.truncated());
            xml.optional("NextMarker", page.nextMarker());
        }
        BucketXml.owner(xml, page.owner());
        xml.start("Buckets");
        for (BucketRecord b : page.buckets()) {
            xml.start("Bucket")
                    .element("CreationDate", Formats.iso(b.createdMillis()))
                    .element("ExtranetEndpoint", "oss-" + b.region() + ".aliyuncs.com")
                    .element("IntranetEndpoint", "oss-" + b.region() + "-internal.aliyuncs.com")
                    .element("Location", "oss-" + b.region())
                    .element("Name", b.name())
                    .element("Region", b.region())
                    .element("StorageClass", b.storageClass());
            if (group != null) {
                xml.element("ResourceGroupId", group);
            }
            if (tags.withTags()) {
                // Asked for with ?tagging (ali-oss reads Tagging/TagSet/Tag of each bucket); the
                // nesting is GetBucketTags' document, as OSS does not document this answer.
                xml.start("Tagging").start("TagSet");
                buckets.tags(b.name())
                        .forEach((k, v) -> xml.start("Tag")
                                .element("Key", k)
                                .element("Value", v)
                                .end());
                xml.end().end();
            }
            xml.end();
        }
        xml.end().end();
        return Reply.xml(200, xml.toXml());
    }
}
