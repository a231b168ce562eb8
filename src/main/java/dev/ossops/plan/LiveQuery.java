package dev.ossops.plan;

import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Managed;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;

import java.util.ArrayList;
import java.util.List;

import static dev.ossops.plan.Address.Kind;

/**
 * Exactly the addresses the live reader must read for a profile, in profile order. A sub-configuration the profile
 * leaves out is not listed, so it is never read. What the reader stores at each kind is documented in
 * docs/plan-format.md; a reader that finds a bucket, role, user or domain absent may report its parts absent too.
 */
public final class LiveQuery {

    private LiveQuery() {}

    public static List<Address> reads(Profile profile) {
        List<Address> out = new ArrayList<>();
        profile.buckets().values().forEach(b -> bucket(b, out));
        Ram ram = profile.ram();
        ram.policies().keySet().forEach(p -> out.add(Address.of(Kind.RAM_POLICY, p)));
        ram.roles().keySet().forEach(r -> {
            out.add(Address.of(Kind.RAM_ROLE, r));
            out.add(Address.of(Kind.ROLE_ATTACHMENTS, r));
        });
        ram.users().keySet().forEach(u -> {
            out.add(Address.of(Kind.RAM_USER, u));
            out.add(Address.of(Kind.USER_ATTACHMENTS, u));
        });
        for (Cdn.Domain d : profile.cdn().domains().values()) {
            out.add(Address.of(Kind.CDN_DOMAIN, d.name()));
            out.add(Address.of(Kind.CDN_PRIVATE_OSS_AUTH, d.name()));
            if (d.httpsCertificate().isPresent()) {
                out.add(Address.of(Kind.CDN_HTTPS, d.name()));
            }
            if (!d.cacheTtl().isEmpty()) {
                out.add(Address.of(Kind.CDN_CACHE_TTL, d.name()));
            }
        }
        return List.copyOf(out);
    }

    private static void bucket(Bucket b, List<Address> out) {
        String n = b.name();
        out.add(Address.of(Kind.BUCKET, n));
        add(b.acl(), Kind.ACL, n, out);
        add(b.versioning(), Kind.VERSIONING, n, out);
        add(b.encryption(), Kind.ENCRYPTION, n, out);
        add(b.blockPublicAccess(), Kind.BLOCK_PUBLIC_ACCESS, n, out);
        add(b.cors(), Kind.CORS, n, out);
        add(b.lifecycle(), Kind.LIFECYCLE, n, out);
        add(b.tags(), Kind.TAGS, n, out);
        add(b.logging(), Kind.LOGGING, n, out);
        add(b.referer(), Kind.REFERER, n, out);
        add(b.policy(), Kind.POLICY, n, out);
        add(b.replication(), Kind.REPLICATION, n, out);
    }

    private static void add(Managed<?> managed, Kind kind, String bucket, List<Address> out) {
        if (managed.isManaged()) {
            out.add(Address.of(kind, bucket));
        }
    }
}
