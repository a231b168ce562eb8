package dev.ossops.plan;

import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.LifecycleRule;
import dev.ossops.spec.model.Profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;

/** A profile and live state that exercise every action, a danger, an unreadable bucket and an error: the golden plan. */
final class Representative {
    static final String PROFILE = """
            credentials: { source: env }
            buckets:
              media-bucket:
                acl: public-read
                blockPublicAccess: false
                tags: { env: prod, team: media }
                lifecycle: [lifecycle.json]
                replication: {}
              new-bucket:
                versioning: Enabled
              archive-bucket:
                storageClass: IA
              unread-bucket:
                acl: private
            ram:
              policies:
                AppRW: { document: app.json }
            cdn:
              domains:
                media.example.com:
                  type: web
                  origin: { ossBucket: media-bucket }
                  privateOssAuth: true
            """;
    static final Map<String, String> DOCUMENTS = Map.of(
            "lifecycle.json",
                    "{\"Rules\": [{\"ID\": \"temp\", \"Prefix\": \"temp/\", \"Status\": \"Enabled\", \"Expiration\": {\"Days\": 7}}]}",
            "app.json",
                    "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:*:media-bucket/*\"}]}");
    static final String SECRET_ARG = "LTAI5tExampleExample:cdnSecretValue";

    private Representative() {}

    static Profile profile(Path dir) {
        return Profiles.load(dir, PROFILE, DOCUMENTS);
    }

    static LiveState live() {
        Live.Bucket standard = new Live.Bucket("cn-beijing", "Standard", "LRS");
        return LiveState.builder()
                .found(Address.of(Kind.BUCKET, "media-bucket"), standard)
                .found(Address.of(Kind.ACL, "media-bucket"), "private")
                .found(Address.of(Kind.BLOCK_PUBLIC_ACCESS, "media-bucket"), true)
                .found(Address.of(Kind.TAGS, "media-bucket"), Map.of("team", "media", "env", "dev"))
                .found(
                        Address.of(Kind.LIFECYCLE, "media-bucket"),
                        List.of(new LifecycleRule(
                                "temp",
                                "temp/",
                                true,
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                List.of())))
                .found(
                        Address.of(Kind.REPLICATION, "media-bucket"),
                        Map.of(
                                "to-dr",
                                new Bucket.ReplicationRule(
                                        "to-dr",
                                        "dr-bucket",
                                        "cn-shanghai",
                                        "internal",
                                        List.of(),
                                        List.of("ALL"),
                                        true,
                                        Optional.empty())))
                .absent(Address.of(Kind.BUCKET, "new-bucket"))
                .found(Address.of(Kind.BUCKET, "archive-bucket"), standard)
                .unreadable(
                        Address.of(Kind.BUCKET, "unread-bucket"), "GetBucketInfo failed: AccessDenied (request 5F2A)")
                .absent(Address.of(Kind.RAM_POLICY, "AppRW"))
                .found(
                        Address.of(Kind.CDN_DOMAIN, "media.example.com"),
                        new Live.CdnDomain(
                                "web",
                                List.of(new Live.CdnSource(
                                        "oss",
                                        "media-bucket.oss-cn-beijing.aliyuncs.com",
                                        Optional.of(80),
                                        Optional.of("20"))),
                                "online"))
                .found(
                        Address.of(Kind.CDN_PRIVATE_OSS_AUTH, "media.example.com"),
                        new Live.CdnFunctions(List.of(new Live.CdnFunction(
                                "l2_oss_key",
                                "3001",
                                Map.of("private_oss_auth", "on", "perm_private_oss_tbl", SECRET_ARG)))))
                .inventory(
                        LiveState.InventoryRequest.olderThan("media-bucket", "temp/", 7),
                        new Live.Inventory(1234, 6_012_954_215L, false, 100_000))
                .build();
    }

    static Set<String> secrets() {
        return Set.of(SECRET_ARG, "cdnSecretValue");
    }
}
