package dev.ossops.plan;

import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.plan.Address.Kind;
import static dev.ossops.plan.Plans.acting;
import static dev.ossops.plan.Plans.change;
import static dev.ossops.plan.Plans.dangers;
import static dev.ossops.plan.Plans.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CDN domains and their private-origin, HTTPS and cache TTL configurations. */
class PlannerCdnTest {
    private static final String DOMAIN = "media.example.com";
    private static final String PROFILE = """
            buckets:
              media-bucket: { region: cn-hangzhou }
            cdn:
              domains:
                media.example.com:
                  type: web
                  origin: { ossBucket: media-bucket }
                  privateOssAuth: true
                  https: { certificate: free }
                  cacheTtl:
                    - { fileTypes: [JPG, png], ttlSeconds: 3600 }
                    - { paths: [/static/, /assets/], ttlSeconds: 86400 }
            """;
    private static final Live.CdnSource SOURCE =
            new Live.CdnSource("oss", "media-bucket.oss-cn-hangzhou.aliyuncs.com", Optional.of(80), Optional.empty());

    @TempDir
    Path dir;

    private final Planner planner = new Planner();

    private static Address a(Kind kind) {
        return Address.of(kind, DOMAIN);
    }

    private static Live.CdnFunction fn(String name, String id, Map<String, String> args) {
        return new Live.CdnFunction(name, id, args);
    }

    private static LiveState.Builder matching(String type) {
        return LiveState.builder()
                .found(Address.of(Kind.BUCKET, "media-bucket"), new Live.Bucket("cn-hangzhou", "Standard", "LRS"))
                .found(a(Kind.CDN_DOMAIN), new Live.CdnDomain(type, List.of(SOURCE), "online"))
                .found(a(Kind.CDN_HTTPS), new Live.CdnCertificate(true, Optional.of("free")));
    }

    private static Live.CdnFunctions l2(Map<String, String> args) {
        return new Live.CdnFunctions(List.of(fn("l2_oss_key", "101", args)));
    }

    private static Live.CdnFunctions ttl() {
        return new Live.CdnFunctions(List.of(
                fn("path_based_ttl_set", "7", Map.of("path", "/assets/", "ttl", "86400", "weight", "1")),
                fn("filetype_based_ttl_set", "5", Map.of("file_type", "png,jpg", "ttl", "3600", "weight", "1")),
                fn("path_based_ttl_set", "6", Map.of("path", "/static/", "ttl", "86400", "weight", "1"))));
    }

    @Test
    void plan_nothingLive_bucketThenDomainThenConfigurations() {
        Profile p = Profiles.load(dir, PROFILE);
        LiveState live = LiveState.builder()
                .absent(Address.of(Kind.BUCKET, "media-bucket"))
                .absent(a(Kind.CDN_DOMAIN))
                .build();
        Plan plan = planner.plan(p, live, PlanOptions.defaults());
        assertEquals(
                List.of(
                        "bucket.media-bucket",
                        "cdn.domain.media.example.com",
                        "cdn.domain.media.example.com.private_oss_auth",
                        "cdn.domain.media.example.com.https",
                        "cdn.domain.media.example.com.cache_ttl"),
                acting(plan));
        Change domain = change(plan, "cdn.domain.media.example.com");
        assertEquals(
                "{\"type\":\"web\",\"sources\":[{\"type\":\"oss\",\"content\":\"media-bucket.oss-cn-hangzhou.aliyuncs.com\","
                        + "\"port\":80,\"priority\":\"20\"}]}",
                domain.after().toString());
        assertEquals(List.of(Address.of(Kind.BUCKET, "media-bucket")), domain.dependsOn());
        assertEquals(
                List.of(a(Kind.CDN_DOMAIN)),
                change(plan, "cdn.domain.media.example.com.cache_ttl").dependsOn());
    }

    @Test
    void plan_serviceAddedArgumentsAndDefaults_noop() {
        Profile p = Profiles.load(dir, PROFILE);
        LiveState live = matching("web")
                .found(
                        a(Kind.CDN_PRIVATE_OSS_AUTH),
                        l2(Map.of(
                                "private_oss_auth",
                                "on",
                                "perm_private_oss_tbl",
                                "LTAIexample:secretvalue",
                                "private_oss_ram_unauthorized",
                                "off")))
                .found(a(Kind.CDN_CACHE_TTL), ttl())
                .build();
        Plan plan = planner.plan(p, live, PlanOptions.defaults());
        assertEquals(List.of(), acting(plan));
        assertTrue(plan.normalizations()
                .containsAll(List.of(
                        Normalization.CDN_L2_OSS_KEY_ARGS,
                        Normalization.CDN_SOURCE_DEFAULTS,
                        Normalization.CDN_TTL_ARGS,
                        Normalization.CDN_OSS_ORIGIN)));
        assertEquals(
                "{\"private_oss_auth\":\"on\"}",
                change(plan, "cdn.domain.media.example.com.private_oss_auth")
                        .before()
                        .toString());
    }

    @Test
    void plan_privateOssAuthOffLive_createsItWithoutShowingCredentials() {
        Profile p = Profiles.load(dir, PROFILE);
        LiveState live = matching("web")
                .found(
                        a(Kind.CDN_PRIVATE_OSS_AUTH),
                        l2(Map.of("private_oss_auth", "off", "perm_private_oss_tbl", "LTAIexample:secretvalue")))
                .found(a(Kind.CDN_CACHE_TTL), ttl())
                .build();
        Plan plan = planner.plan(p, live, PlanOptions.defaults());
        Change c = change(plan, "cdn.domain.media.example.com.private_oss_auth");
        assertEquals(Action.CREATE, c.action());
        assertFalse(new JsonRenderer().render(plan).contains("secretvalue"));
        assertFalse(new TextRenderer(false, true).render(plan).contains("secretvalue"));
    }

    @Test
    void plan_privateOssAuthNotWantedButOnLive_deleted() {
        Profile p = Profiles.load(
                dir,
                "cdn:\n  domains:\n    media.example.com: { type: web, origin: { domain: origin.example.com } }\n");
        LiveState live = LiveState.builder()
                .found(
                        a(Kind.CDN_DOMAIN),
                        new Live.CdnDomain(
                                "web",
                                List.of(new Live.CdnSource(
                                        "domain", "origin.example.com", Optional.of(80), Optional.of("20"))),
                                "online"))
                .found(a(Kind.CDN_PRIVATE_OSS_AUTH), l2(Map.of("private_oss_auth", "on")))
                .build();
        Plan plan = planner.plan(p, live, PlanOptions.defaults());
        assertEquals(
                Action.DELETE,
                change(plan, "cdn.domain.media.example.com.private_oss_auth").action());
        assertEquals(
                List.of("cdn.domain.media.example.com", "cdn.domain.media.example.com.private_oss_auth"),
                Plans.addresses(plan));
    }

    @Test
    void plan_domainTypeDiffers_replaceRefused() {
        Profile p = Profiles.load(dir, PROFILE);
        Plan plan = planner.plan(p, matching("download").build(), PlanOptions.defaults());
        Change c = change(plan, "cdn.domain.media.example.com");
        assertEquals(Action.REPLACE, c.action());
        assertEquals(
                List.of(
                        "create-only-changed: type (live download, profile web) can only be set when the domain is added"),
                dangers(c));
        assertEquals(
                List.of(
                        "cdn.domain.media.example.com: type (live download, profile web) can only be set when the domain is added; "
                                + "ossops never deletes a CDN domain to replace it: change the profile to match"),
                errors(plan));
    }

    @Test
    void plan_originMovedAndDomainOffline_updateWithReason() {
        Profile p = Profiles.load(
                dir, "cdn:\n  domains:\n    media.example.com: { type: web, origin: { ip: 203.0.113.10 } }\n");
        LiveState live = LiveState.builder()
                .found(
                        a(Kind.CDN_DOMAIN),
                        new Live.CdnDomain(
                                "web",
                                List.of(new Live.CdnSource(
                                        "ipaddr", "203.0.113.9", Optional.empty(), Optional.empty())),
                                "offline"))
                .absent(a(Kind.CDN_PRIVATE_OSS_AUTH))
                .build();
        Change c = change(planner.plan(p, live, PlanOptions.defaults()), "cdn.domain.media.example.com");
        assertEquals(Action.UPDATE, c.action());
        assertEquals(List.of("domain is offline live"), c.reasons());
        assertEquals("sources", c.fields().get(0).path());
    }

    @Test
    void plan_cacheTtlDiffers_updateAndUnknownFunction_error() {
        Profile p = Profiles.load(dir, PROFILE);
        LiveState changed = matching("web")
                .found(a(Kind.CDN_PRIVATE_OSS_AUTH), l2(Map.of("private_oss_auth", "on")))
                .found(
                        a(Kind.CDN_CACHE_TTL),
                        new Live.CdnFunctions(List.of(
                                fn("filetype_based_ttl_set", "5", Map.of("file_type", "png,jpg", "ttl", "60")))))
                .build();
        assertEquals(
                List.of("cdn.domain.media.example.com.cache_ttl"),
                acting(planner.plan(p, changed, PlanOptions.defaults())));
        LiveState odd = matching("web")
                .found(a(Kind.CDN_PRIVATE_OSS_AUTH), l2(Map.of("private_oss_auth", "on")))
                .found(
                        a(Kind.CDN_CACHE_TTL),
                        new Live.CdnFunctions(List.of(
                                fn("filetype_based_ttl_set", "5", Map.of("file_type", "png", "ttl", "forever")))))
                .build();
        assertEquals(
                List.of(
                        "cdn.domain.media.example.com.cache_ttl: live filetype_based_ttl_set configuration 5 cannot be represented "
                                + "in a profile (arguments [file_type, ttl]); ossops will not overwrite it"),
                errors(planner.plan(p, odd, PlanOptions.defaults())));
    }

    @Test
    void plan_httpsOffLive_create() {
        Profile p = Profiles.load(dir, PROFILE);
        LiveState off = LiveState.builder()
                .found(Address.of(Kind.BUCKET, "media-bucket"), new Live.Bucket("cn-hangzhou", "Standard", "LRS"))
                .found(a(Kind.CDN_DOMAIN), new Live.CdnDomain("web", List.of(SOURCE), "online"))
                .found(a(Kind.CDN_HTTPS), new Live.CdnCertificate(false, Optional.empty()))
                .found(a(Kind.CDN_PRIVATE_OSS_AUTH), l2(Map.of("private_oss_auth", "on")))
                .found(a(Kind.CDN_CACHE_TTL), ttl())
                .build();
        Change https = change(planner.plan(p, off, PlanOptions.defaults()), "cdn.domain.media.example.com.https");
        assertEquals(Action.CREATE, https.action());
        assertEquals(
                "{\"enabled\":true,\"certificateType\":\"free\"}", https.after().toString());
    }
}
