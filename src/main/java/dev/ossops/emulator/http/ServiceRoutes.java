package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.service.BucketService;
import dev.ossops.emulator.service.ListingService;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.xml.XmlWriter;

/** GET / : ListBuckets (GetService). */
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
        BucketService.BucketPage page = buckets.list(caller, prefix, marker, maxKeys);
        XmlWriter xml = new XmlWriter().start("ListAllMyBucketsResult");
        xml.optional("Prefix", prefix).optional("Marker", marker).optional("MaxKeys", maxKeysParam);
        if (prefix != null || marker != null || maxKeysParam != null) {
            xml.element("IsTruncated", page.truncated());
            xml.optional("NextMarker", page.nextMarker());
        }
        BucketXml.owner(xml, buckets.accountId());
        xml.start("Buckets");
        for (BucketRecord b : page.buckets()) {
            xml.start("Bucket")
                    .element("CreationDate", Formats.iso(b.createdMillis()))
                    .element("ExtranetEndpoint", "oss-" + b.region() + ".aliyuncs.com")
                    .element("IntranetEndpoint", "oss-" + b.region() + "-internal.aliyuncs.com")
                    .element("Location", "oss-" + b.region())
                    .element("Name", b.name())
                    .element("Region", b.region())
                    .element("StorageClass", b.storageClass())
                    .end();
        }
        xml.end().end();
        return Reply.xml(200, xml.toXml());
    }
}
