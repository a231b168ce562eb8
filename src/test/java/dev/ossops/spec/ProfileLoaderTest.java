package dev.ossops.spec;

import dev.ossops.shared.CorsRule;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.Credentials;
import dev.ossops.spec.model.Endpoint;
import dev.ossops.spec.model.LifecycleRule;
import dev.ossops.spec.model.Managed;
import dev.ossops.spec.model.PolicySpec;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;
import dev.ossops.spec.model.UploaderSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The happy path: a profile that uses every key binds to exactly the model it describes. */
class ProfileLoaderTest {

    private static final Path FULL = Path.of("src/test/resources/spec/full/profile.yaml");

    private static Profile profile;

    @BeforeAll
    static void load() {
        ProfileLoader.Result result = new ProfileLoader().load(FULL);
        assertEquals(List.of(), result.problems());
        profile = result.profile().orElseThrow();
    }

    @Test
    void load_everyField_bindsTopLevel() {
        assertEquals(FULL, profile.source());
        assertEquals("full", profile.name());
        assertEquals("cn-shanghai", profile.region());
        assertEquals(
                new Endpoint.Embedded(FULL.toAbsolutePath().getParent().resolve("data/emulator")), profile.endpoint());
        assertEquals(
                new Credentials(Credentials.Source.ALIYUN_CLI, Optional.of("ops"), Optional.empty()),
                profile.credentials());
        assertEquals(
                List.of("media-bucket", "logs-bucket"),
                List.copyOf(profile.buckets().keySet()));
    }

    @Test
    void load_everyBucketField_bindsManagedValues() {
        Bucket media = profile.buckets().get("media-bucket");
        assertEquals("media-bucket", media.name());
        assertEquals(Optional.of("cn-beijing"), media.region());
        assertEquals(Optional.of("IA"), media.storageClass());
        assertEquals(Optional.of("ZRS"), media.redundancy());
        assertEquals(Managed.present("public-read-write"), media.acl());
        assertEquals(Optional.of("legacy drop box, OPS-123"), media.allowPublicWriteReason());
        assertEquals(Managed.present("Enabled"), media.versioning());
        assertEquals(Managed.present(new Bucket.Encryption("KMS", Optional.of("key-1"))), media.encryption());
        assertEquals(Managed.present(false), media.blockPublicAccess());
        assertEquals(Managed.present(Map.of("env", "test", "team", "media")), media.tags());
        assertEquals(List.of("env", "team"), List.copyOf(media.tags().get().keySet()));
        assertEquals(Managed.present(new Bucket.Logging("logs-bucket", "access/")), media.logging());
        assertEquals(
                Managed.present(
                        new Bucket.Referer(false, false, List.of("https://a.example.com/*"), List.of("*.bad.example"))),
                media.referer());
        assertEquals(
                Managed.present(Map.of(
                        "to-dr",
                        new Bucket.ReplicationRule(
                                "to-dr",
                                "dr-bucket",
                                "cn-hangzhou",
                                "oss_acc",
                                List.of("images/"),
                                List.of("PUT", "DELETE"),
                                false,
                                Optional.of("replication-role")))),
                media.replication());
    }

    @Test
    void load_corsInYaml_bindsRules() {
        CorsConfiguration cors = profile.buckets().get("media-bucket").cors().get();
        assertEquals(
                new CorsConfiguration(
                        List.of(new CorsRule(
                                List.of("*"),
                                List.of("GET", "PUT", "POST", "DELETE", "HEAD"),
                                List.of("Authorization"),
                                List.of("ETag"),
                                Optional.of(0L))),
                        Optional.of(true)),
                cors);
    }

    @Test
    void load_lifecycleFromFileAndInline_mergesRulesInOrder() {
        List<LifecycleRule> rules =
                profile.buckets().get("media-bucket").lifecycle().get();
        assertEquals(
                List.of("archive", "markers", "dated", "legacy-date", "abort"),
                rules.stream().map(LifecycleRule::id).toList());
        LifecycleRule archive = rules.get(0);
        assertEquals(
                new LifecycleRule(
                        "archive",
                        "logs/",
                        true,
                        List.of(new LifecycleRule.Not(
                                Optional.of("logs/keep/"), Optional.of(new LifecycleRule.Tag("keep", "yes")))),
                        List.of(new LifecycleRule.Tag("class", "cold")),
                        Optional.of(new LifecycleRule.Expiration(
                                Optional.of(3650L), Optional.empty(), Optional.empty(), Optional.empty())),
                        List.of(
                                new LifecycleRule.Transition(
                                        Optional.of(30L), Optional.empty(), "IA", true, true, true),
                                new LifecycleRule.Transition(
                                        Optional.of(90L), Optional.empty(), "Archive", false, false, false),
                                new LifecycleRule.Transition(
                                        Optional.of(270L), Optional.empty(), "ColdArchive", false, false, false),
                                new LifecycleRule.Transition(
                                        Optional.of(450L), Optional.empty(), "DeepColdArchive", false, false, false)),
                        Optional.empty(),
                        Optional.of(60L),
                        List.of(new LifecycleRule.NoncurrentTransition(30, "IA", true, false))),
                archive);
        LifecycleRule markers = rules.get(1);
        assertEquals(false, markers.enabled());
        assertEquals("", markers.prefix());
        assertEquals(Optional.of(true), markers.expiration().orElseThrow().expiredObjectDeleteMarker());
        assertEquals(
                Optional.of(new LifecycleRule.AbortMultipartUpload(Optional.of(2L), Optional.empty())),
                markers.abortMultipartUpload());
        LifecycleRule dated = rules.get(2);
        assertEquals(
                Optional.of("2025-01-01T00:00:00.000Z"),
                dated.expiration().orElseThrow().createdBeforeDate());
        assertEquals(Optional.of("2024-01-01"), dated.transitions().get(0).createdBeforeDate());
        assertEquals(
                Optional.of("2024-06-01"),
                rules.get(3).expiration().orElseThrow().date());
        assertEquals(
                Optional.of(new LifecycleRule.AbortMultipartUpload(Optional.empty(), Optional.of("2026-01-01"))),
                rules.get(4).abortMultipartUpload());
    }

    @Test
    void load_bucketPolicy_bindsNotElementsPrincipalAndConditions() {
        PolicySpec policy = profile.buckets().get("media-bucket").policy().get();
        assertEquals(
                new PolicySpec(
                        "1",
                        List.of(new PolicySpec.Statement(
                                "Deny",
                                List.of("oss:GetObject"),
                                true,
                                List.of("acs:oss:*:*:media-bucket/public/*"),
                                true,
                                Optional.of(new PolicySpec.Principal(List.of("*"), List.of(), List.of(), List.of())),
                                Map.of(
                                        "Bool",
                                        Map.of("acs:SecureTransport", List.of("false")),
                                        "NumericLessThan",
                                        Map.of("acs:Port", List.of("443", "8443")))))),
                policy);
    }

    @Test
    void load_explicitlyEmpty_isManagedAbsent() {
        Bucket logs = profile.buckets().get("logs-bucket");
        assertEquals(Managed.absent(), logs.cors());
        assertEquals(Managed.absent(), logs.lifecycle());
        assertEquals(Managed.absent(), logs.policy());
        assertEquals(Managed.absent(), logs.tags());
        assertEquals(Managed.absent(), logs.encryption());
        assertEquals(Managed.absent(), logs.logging());
        assertEquals(Managed.absent(), logs.referer());
        assertEquals(Managed.absent(), logs.replication());
    }

    @Test
    void load_keyAbsent_isUnmanaged() {
        Bucket logs = profile.buckets().get("logs-bucket");
        assertEquals(Managed.unmanaged(), logs.acl());
        assertEquals(Managed.unmanaged(), logs.versioning());
        assertEquals(Managed.unmanaged(), logs.blockPublicAccess());
        assertEquals(Optional.empty(), logs.region());
        assertEquals(Optional.empty(), logs.storageClass());
        assertEquals(Optional.empty(), logs.allowPublicWriteReason());
    }

    @Test
    void load_ram_bindsPoliciesRolesAndUsers() {
        Ram ram = profile.ram();
        PolicySpec identity = new PolicySpec(
                "1",
                List.of(new PolicySpec.Statement(
                        "Allow",
                        List.of("oss:Get*", "oss:PutObject"),
                        false,
                        List.of("acs:oss:*:1234567890:media-bucket/*"),
                        false,
                        Optional.empty(),
                        Map.of())));
        assertEquals(
                Map.of(
                        "ReadWrite",
                        new Ram.Policy("ReadWrite", Optional.of("Read and write."), Optional.of(identity), false),
                        "Generated",
                        new Ram.Policy("Generated", Optional.empty(), Optional.empty(), true)),
                ram.policies());
        Ram.Role role = ram.roles().get("replication-role");
        assertEquals(
                new PolicySpec.Principal(
                        List.of(),
                        List.of("acs:ram::1234567890:root"),
                        List.of("oss.aliyuncs.com"),
                        List.of("acs:ram::1234567890:saml-provider/idp")),
                role.trust().statements().get(0).principal().orElseThrow());
        assertEquals(List.of("sts:AssumeRole"), role.trust().statements().get(0).actions());
        assertEquals(7200, role.maxSessionDuration());
        assertEquals(Optional.of("OSS replication."), role.description());
        assertEquals(List.of("ReadWrite", "AliyunOSSReadOnlyAccess"), role.policies());
        assertEquals(
                Map.of("app.user", new Ram.User("app.user", Optional.of("App"), List.of("Generated"))), ram.users());
    }

    @Test
    void load_cdn_bindsEachOriginKind() {
        Cdn cdn = profile.cdn();
        assertEquals(
                new Cdn.Domain(
                        "media.example.com",
                        "download",
                        new Cdn.Origin.OssBucket("media-bucket"),
                        true,
                        Optional.of("free"),
                        List.of(
                                new Cdn.CacheTtl(List.of("jpg", "png"), List.of(), 0),
                                new Cdn.CacheTtl(List.of(), List.of("/static/"), 94_608_000))),
                cdn.domains().get("media.example.com"));
        assertEquals(
                new Cdn.Domain(
                        "origin-domain.example.com",
                        "video",
                        new Cdn.Origin.DomainName("origin.example.com"),
                        false,
                        Optional.empty(),
                        List.of()),
                cdn.domains().get("origin-domain.example.com"));
        assertEquals(
                new Cdn.Origin.Ip("203.0.113.10"),
                cdn.domains().get("origin-ip.example.com").origin());
    }

    @Test
    void load_uploader_bindsEveryField() {
        assertEquals(
                Optional.of(new UploaderSpec(
                        "media-bucket",
                        Optional.of("uploads"),
                        Optional.of("{prefix}/{date}/{timestamp}-{uuid}-{filename}"),
                        Optional.of(604_800L),
                        List.of("image/png", "image/*"),
                        Optional.of(1024L),
                        Optional.empty(),
                        Optional.of("filename_timestamp"),
                        Optional.of("public-read"))),
                profile.uploader());
    }

    @Test
    void load_minimalProfile_usesDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("min.yaml");
        Files.writeString(file, "apiVersion: ossops/v1\nkind: Profile\nname: min\nregion: cn-hongkong\n");

        Profile min = new ProfileLoader().load(file).profile().orElseThrow();

        assertEquals(new Endpoint.RegionDefault("cn-hongkong"), min.endpoint());
        assertEquals(new Credentials(Credentials.Source.ENV, Optional.empty(), Optional.empty()), min.credentials());
        assertEquals(Map.of(), min.buckets());
        assertEquals(new Ram(Map.of(), Map.of(), Map.of()), min.ram());
        assertEquals(new Cdn(Map.of()), min.cdn());
        assertEquals(Optional.empty(), min.uploader());
    }

    @Test
    void load_embeddedWithoutEmulatorSection_defaultsDataDirNextToProfile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(
                file,
                "{\"apiVersion\": \"ossops/v1\", \"kind\": \"Profile\", \"name\": \"j\", \"region\": \"cn-hangzhou\","
                        + " \"endpoint\": \"embedded\"}");

        Profile json = new ProfileLoader().load(file).profile().orElseThrow();

        assertEquals(new Endpoint.Embedded(dir.toAbsolutePath().resolve(".ossops/emulator")), json.endpoint());
    }

    @Test
    void load_urlEndpoint_bindsUri(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: u\nregion: cn-hangzhou\nendpoint: http://127.0.0.1:9000\n");

        Profile url = new ProfileLoader().load(file).profile().orElseThrow();

        assertEquals(new Endpoint.Url(java.net.URI.create("http://127.0.0.1:9000")), url.endpoint());
    }

    @Test
    void load_missingProfileFile_reportsIt(@TempDir Path dir) {
        ProfileLoader.Result result = new ProfileLoader().load(dir.resolve("nope.yaml"));

        assertEquals(
                List.of(dir.resolve("nope.yaml") + ":1:1: error: (root): profile file not found"),
                result.problems().stream().map(Problem::format).toList());
    }

    @Test
    void model_isImmutable() {
        assertThrows(
                UnsupportedOperationException.class, () -> profile.buckets().clear());
        assertThrows(
                UnsupportedOperationException.class, () -> profile.ram().roles().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> profile.buckets().get("media-bucket").lifecycle().get().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> profile.buckets().get("media-bucket").tags().get().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> profile.buckets().get("media-bucket").replication().get().clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> profile.buckets()
                        .get("media-bucket")
                        .policy()
                        .get()
                        .statements()
                        .get(0)
                        .condition()
                        .clear());
        assertThrows(
                UnsupportedOperationException.class,
                () -> profile.buckets()
                        .get("media-bucket")
                        .policy()
                        .get()
                        .statements()
                        .get(0)
                        .condition()
                        .get("Bool")
                        .clear());
    }

    @ParameterizedTest
    @ValueSource(strings = {"profiles/local.yaml", "profiles/example-prod.yaml", "profiles/serve-local.yaml"})
    void load_shippedProfile_hasNoProblems(String path) {
        ProfileLoader.Result result = new ProfileLoader().load(Path.of(path));

        assertEquals(List.of(), result.problems());
        assertTrue(result.profile().isPresent());
    }
}
