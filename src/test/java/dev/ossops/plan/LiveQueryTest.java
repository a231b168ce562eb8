package dev.ossops.plan;

import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LiveQuery lists exactly what a profile manages, so unmanaged configuration is never read. */
class LiveQueryTest {

    @TempDir
    Path dir;

    @Test
    void reads_managedOnly_inProfileOrder() {
        Profile p = Profiles.load(dir, """
                buckets:
                  media-bucket:
                    acl: private
                    cors: none
                    replication: {}
                  logs-bucket: {}
                ram:
                  policies:
                    AppRW: { document: { Version: "1", Statement: [{ Effect: Allow, Action: [oss:GetObject], Resource: ["*"] }] } }
                  roles:
                    app-role: { trust: { Version: "1", Statement: [{ Effect: Allow, Action: [sts:AssumeRole], Principal: { Service: [ecs.aliyuncs.com] } }] } }
                  users:
                    app.user: {}
                cdn:
                  domains:
                    a.example.com: { type: web, origin: { ossBucket: media-bucket }, https: { certificate: free } }
                    b.example.com: { type: web, origin: { domain: o.example.com }, cacheTtl: [{ paths: [/x/], ttlSeconds: 60 }] }
                """);
        assertEquals(
                List.of(
                        "bucket.media-bucket",
                        "bucket.media-bucket.acl",
                        "bucket.media-bucket.cors",
                        "bucket.media-bucket.replication",
                        "bucket.logs-bucket",
                        "ram.policy.AppRW",
                        "ram.role.app-role",
                        "ram.attachments.role.app-role",
                        "ram.user.app.user",
                        "ram.attachments.user.app.user",
                        "cdn.domain.a.example.com",
                        "cdn.domain.a.example.com.private_oss_auth",
                        "cdn.domain.a.example.com.https",
                        "cdn.domain.b.example.com",
                        "cdn.domain.b.example.com.private_oss_auth",
                        "cdn.domain.b.example.com.cache_ttl"),
                LiveQuery.reads(p).stream().map(Address::toString).toList());
    }

    @Test
    void reads_everyAddressAnswered_planIsComplete() {
        Profile p = Profiles.load(dir, "buckets:\n  media-bucket: { acl: private, tags: none, versioning: Enabled }\n");
        LiveState.Builder live = LiveState.builder();
        LiveQuery.reads(p).forEach(a -> {
            if (a.kind() == Address.Kind.BUCKET) {
                live.found(a, new Live.Bucket("cn-beijing", "Standard", "LRS"));
            } else {
                live.absent(a);
            }
        });
        Plan plan = new Planner().plan(p, live.build(), PlanOptions.defaults());
        assertEquals(true, plan.complete());
        assertEquals(List.of("bucket.media-bucket.acl", "bucket.media-bucket.versioning"), Plans.acting(plan));
    }
}
