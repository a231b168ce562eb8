package dev.ossops.plan;

import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saved plans: fingerprints of what was read, staleness, profile hash, parsing, and no secrets. */
class PlanFileTest {

    @TempDir
    Path dir;

    private PlanFile saved(Profile profile, LiveState live) {
        return PlanFile.of(new Planner().plan(profile, live, PlanOptions.defaults()), profile, live);
    }

    @Test
    void of_representative_fingerprintsEveryKnownReadButNotUnreadable() {
        Profile profile = Representative.profile(dir);
        PlanFile file = saved(profile, Representative.live());
        assertEquals(
                List.of(
                        "bucket.media-bucket",
                        "bucket.media-bucket.acl",
                        "bucket.media-bucket.block_public_access",
                        "bucket.media-bucket.tags",
                        "bucket.media-bucket.lifecycle",
                        "bucket.media-bucket.replication",
                        "bucket.new-bucket",
                        "bucket.archive-bucket",
                        "ram.policy.AppRW",
                        "cdn.domain.media.example.com",
                        "cdn.domain.media.example.com.private_oss_auth"),
                List.copyOf(file.fingerprints().keySet()));
        assertEquals("absent", file.fingerprints().get("bucket.new-bucket"));
        assertEquals(JsonValues.sha256("\"private\""), file.fingerprints().get("bucket.media-bucket.acl"));
    }

    @Test
    void staleAddresses_liveUnchanged_none() {
        Profile profile = Representative.profile(dir);
        PlanFile file = PlanFile.parse(saved(profile, Representative.live()).toJson());
        assertEquals(List.of(), PlanFile.staleAddresses(file, Representative.live()));
        assertTrue(file.profileMatches(profile));
    }

    @Test
    void staleAddresses_changedCreatedDeletedUnreadableMissing_messagePerAddress() {
        Profile profile = Profiles.load(
                dir, "buckets:\n  media-bucket: { acl: private, tags: { a: b }, cors: none }\n  other-bucket: {}\n");
        Live.Bucket bucket = new Live.Bucket("cn-beijing", "Standard", "LRS");
        LiveState before = LiveState.builder()
                .found(Address.of(Kind.BUCKET, "media-bucket"), bucket)
                .found(Address.of(Kind.ACL, "media-bucket"), "private")
                .absent(Address.of(Kind.TAGS, "media-bucket"))
                .found(Address.of(Kind.CORS, "media-bucket"), new CorsConfiguration(List.of(), Optional.empty()))
                .found(Address.of(Kind.BUCKET, "other-bucket"), bucket)
                .build();
        PlanFile file = saved(profile, before);
        LiveState after = LiveState.builder()
                .found(Address.of(Kind.BUCKET, "media-bucket"), bucket)
                .found(Address.of(Kind.ACL, "media-bucket"), "public-read")
                .found(Address.of(Kind.TAGS, "media-bucket"), Map.of("a", "b"))
                .absent(Address.of(Kind.CORS, "media-bucket"))
                .build();
        assertEquals(
                List.of(
                        new PlanFile.Stale(
                                "bucket.media-bucket.acl",
                                "bucket.media-bucket.acl: changed live since the plan was saved"),
                        new PlanFile.Stale(
                                "bucket.media-bucket.tags",
                                "bucket.media-bucket.tags: created live since the plan was saved"),
                        new PlanFile.Stale(
                                "bucket.media-bucket.cors",
                                "bucket.media-bucket.cors: deleted live since the plan was saved"),
                        new PlanFile.Stale(
                                "bucket.other-bucket", "bucket.other-bucket: not read again, so it cannot be checked")),
                PlanFile.staleAddresses(file, after));
        LiveState unreadable = LiveState.builder()
                .unreadable(Address.of(Kind.BUCKET, "media-bucket"), "GetBucketInfo failed: timeout")
                .build();
        assertEquals(
                new PlanFile.Stale(
                        "bucket.media-bucket",
                        "bucket.media-bucket: cannot be checked now (GetBucketInfo failed: timeout)"),
                PlanFile.staleAddresses(file, unreadable).get(0));
    }

    @Test
    void staleAddresses_onlyCdnCredentialArgumentRotated_notStale() {
        Profile profile = Representative.profile(dir);
        PlanFile file = saved(profile, Representative.live());
        LiveState rotated = LiveState.builder()
                .found(
                        Address.of(Kind.CDN_PRIVATE_OSS_AUTH, "media.example.com"),
                        new Live.CdnFunctions(List.of(new Live.CdnFunction(
                                "l2_oss_key",
                                "3001",
                                Map.of("private_oss_auth", "on", "perm_private_oss_tbl", "LTAIother:otherSecret")))))
                .build();
        assertFalse(PlanFile.staleAddresses(file, rotated).stream()
                .anyMatch(s -> s.address().equals("cdn.domain.media.example.com.private_oss_auth")));
    }

    @Test
    void profileMatches_referencedDocumentEdited_false() throws Exception {
        Profile profile = Representative.profile(dir);
        PlanFile file = saved(profile, Representative.live());
        Files.writeString(
                dir.resolve("app.json"),
                Representative.DOCUMENTS.get("app.json").replace("GetObject", "PutObject"));
        Profile edited =
                new ProfileLoader().load(dir.resolve("profile.yaml")).profile().orElseThrow();
        assertFalse(file.profileMatches(edited));
    }

    @Test
    void toJson_representative_holdsNoSecret() {
        Credentials credentials = Credentials.temporary(
                "LTAI5tPlanFileTestId",
                "planFileTestSecretValue",
                "planFileTestStsToken",
                Instant.parse("2026-01-01T00:00:00Z"));
        String json = saved(Representative.profile(dir), Representative.live()).toJson();
        for (String secret : List.of(
                credentials.accessKeyId(),
                credentials.accessKeySecret(),
                credentials.securityToken().orElseThrow())) {
            assertFalse(json.contains(secret), secret);
        }
        Representative.secrets().forEach(s -> assertFalse(json.contains(s), s));
        assertFalse(json.contains(JsonValues.sha256(Representative.SECRET_ARG)));
    }

    @Test
    void toJson_thenParse_roundTrips() {
        PlanFile file = saved(Representative.profile(dir), Representative.live());
        PlanFile parsed = PlanFile.parse(file.toJson());
        assertEquals(file.toJson(), parsed.toJson());
        assertEquals(file.fingerprints(), parsed.fingerprints());
        assertTrue(file.toJson()
                .startsWith("{\n  \"format_version\": \"1.0\",\n  \"kind\": \"ossops-plan\",\n  \"profile\": {"));
    }

    @Test
    void parse_notAPlanOrOtherVersion_clearMessage() {
        assertEquals(
                "not a saved plan: expected a JSON object with \"kind\": \"ossops-plan\"",
                assertThrows(PlanFileException.class, () -> PlanFile.parse("{\"format_version\": \"1.0\"}"))
                        .getMessage());
        assertEquals(
                "saved plan format 2.0 is not supported; this ossops reads 1.0: run plan again",
                assertThrows(
                                PlanFileException.class,
                                () -> PlanFile.parse("{\"kind\": \"ossops-plan\", \"format_version\": \"2.0\"}"))
                        .getMessage());
        assertTrue(assertThrows(PlanFileException.class, () -> PlanFile.parse("{nope"))
                .getMessage()
                .startsWith("not a saved plan: not valid JSON ("));
        assertEquals(
                "not a saved plan: profile.sha256, plan and fingerprints are required",
                assertThrows(
                                PlanFileException.class,
                                () -> PlanFile.parse("{\"kind\": \"ossops-plan\", \"format_version\": \"1.0\"}"))
                        .getMessage());
    }
}
