package dev.ossops.apply.cdn;

import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Profile;

import java.util.List;
import java.util.Optional;

/** The CDN origin a profile asks for, in the shape AddCdnDomain and ModifyCdnDomain take. */
final class CdnOrigins {
    /** What the service stores when a request leaves them out; sent explicitly so the request says what it means. */
    static final int DEFAULT_PORT = 80;

    static final String DEFAULT_PRIORITY = "20";

    private CdnOrigins() {}

    /** An OSS bucket origin is the bucket's public domain in its region (the profile's region unless the bucket names one). */
    static List<CdnModel.Source> sources(Cdn.Origin origin, Profile profile) {
        String type;
        String content;
        if (origin instanceof Cdn.Origin.OssBucket b) {
            String region = Optional.ofNullable(profile.buckets().get(b.bucket()))
                    .flatMap(Bucket::region)
                    .orElse(profile.region());
            type = "oss";
            content = b.bucket() + ".oss-" + region + ".aliyuncs.com";
        } else if (origin instanceof Cdn.Origin.DomainName n) {
            type = "domain";
            content = n.domain();
        } else if (origin instanceof Cdn.Origin.Ip ip) {
            type = "ipaddr";
            content = ip.address();
        } else {
            throw new IllegalArgumentException("unknown origin " + origin);
        }
        return List.of(new CdnModel.Source(type, content, Optional.of(DEFAULT_PORT), Optional.of(DEFAULT_PRIORITY)));
    }
}
