package dev.ossops.spec;

import dev.ossops.spec.model.AccessAssertion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code access:} section: binding each kind of principal, and located errors for what it refuses. */
class AccessSpecTest {
    private static final String HEADER =
            "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-hangzhou\n" + "buckets:\n  media: {}\n";

    @TempDir
    Path dir;

    private ProfileLoader.Result load(String body) throws IOException {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, HEADER + body);
        return new ProfileLoader().load(file);
    }

    private List<String> problems(String body) throws IOException {
        return load(body).problems().stream()
                .map(p -> p.format().replace(dir + "/", ""))
                .toList();
    }

    @Test
    void load_assertions_bindEveryKindOfPrincipal() throws IOException {
        Map<String, AccessAssertion> access = load("access:\n"
                        + "  invoices-private:\n    principal: {anonymous: true}\n    actions: [oss:GetObject]\n"
                        + "    resource: media/invoices/*\n    expect: denied\n"
                        + "  uploader-only-puts:\n    principal: {role: upload-role, sessionName: api-1}\n"
                        + "    actions: [oss:DeleteObject]\n    resource: media/uploads/*\n"
                        + "    conditions: {acs:SourceIp: 192.0.2.10, acs:SecureTransport: 'true'}\n    expect: denied\n"
                        + "  app-lists:\n    principal: {ramUser: app}\n    actions: [oss:ListObjects]\n    resource: media\n    expect: allowed\n"
                        + "  via-cdn:\n    principal: {anonymous: true}\n    actions: [oss:GetObject]\n    resource: media/img/*\n"
                        + "    viaCdnDomain: img.example.test\n    signedUrl: false\n    expect: allowed\n"
                        + "  root:\n    principal: {account: self}\n    actions: [oss:PutObject]\n    resource: media/*\n    expect: allowed\n")
                .profile()
                .orElseThrow()
                .access();
        assertEquals(
                List.of("invoices-private", "uploader-only-puts", "app-lists", "via-cdn", "root"),
                List.copyOf(access.keySet()));
        assertEquals(
                new AccessAssertion(
                        "invoices-private",
                        new AccessAssertion.Anonymous(),
                        List.of("oss:GetObject"),
                        "media",
                        Optional.of("invoices/*"),
                        Optional.empty(),
                        Map.of(),
                        Optional.empty(),
                        false),
                access.get("invoices-private"));
        assertEquals(
                new AccessAssertion(
                        "uploader-only-puts",
                        new AccessAssertion.Role("upload-role", Optional.empty(), Optional.of("api-1")),
                        List.of("oss:DeleteObject"),
                        "media",
                        Optional.of("uploads/*"),
                        Optional.empty(),
                        Map.of("acs:SourceIp", "192.0.2.10", "acs:SecureTransport", "true"),
                        Optional.empty(),
                        false),
                access.get("uploader-only-puts"));
        assertEquals(
                new AccessAssertion(
                        "app-lists",
                        new AccessAssertion.RamUser("app"),
                        List.of("oss:ListObjects"),
                        "media",
                        Optional.empty(),
                        Optional.empty(),
                        Map.of(),
                        Optional.empty(),
                        true),
                access.get("app-lists"));
        assertEquals(
                new AccessAssertion(
                        "via-cdn",
                        new AccessAssertion.Anonymous(),
                        List.of("oss:GetObject"),
                        "media",
                        Optional.of("img/*"),
                        Optional.of("img.example.test"),
                        Map.of(),
                        Optional.of(false),
                        true),
                access.get("via-cdn"));
        assertEquals(
                new AccessAssertion.Account(Optional.empty()),
                access.get("root").principal());
    }

    @Test
    void load_sessionPolicy_isReadLikeAnyPolicyDocument() throws IOException {
        AccessAssertion a = load("access:\n  narrowed:\n    principal:\n      role: upload-role\n      sessionPolicy:\n"
                        + "        Version: '1'\n        Statement:\n          - {Effect: Allow, Action: [oss:PutObject], "
                        + "Resource: ['acs:oss:*:*:media/uploads/*']}\n"
                        + "    actions: [oss:PutObject]\n    resource: media/other/*\n    expect: denied\n")
                .profile()
                .orElseThrow()
                .access()
                .get("narrowed");
        AccessAssertion.Role role = (AccessAssertion.Role) a.principal();
        assertTrue(role.sessionPolicy().isPresent());
        assertEquals(
                List.of("oss:PutObject"),
                role.sessionPolicy().get().statements().get(0).actions());
    }

    @Test
    void load_principalNotExactlyOne_locatedError() throws IOException {
        assertEquals(
                List.of("profile.yaml:9:16: error: access.a.principal: set exactly one of anonymous, ramUser, role or "
                        + "account; found anonymous, ramUser"),
                problems("access:\n  a:\n    principal: {anonymous: true, ramUser: app}\n    actions: [oss:GetObject]\n"
                        + "    resource: media/x\n    expect: denied\n"));
    }

    @Test
    void load_misplacedSettings_locatedErrors() throws IOException {
        assertEquals(
                List.of(
                        "profile.yaml:9:44: error: access.a.principal.sessionName: sessionName only applies to a role",
                        "profile.yaml:10:30: error: access.a.actions[1]: name one OSS action such as oss:GetObject, without "
                                + "wildcards: an assertion is checked for each action it names",
                        "profile.yaml:10:40: error: access.a.actions[2]: name one OSS action such as oss:GetObject, without "
                                + "wildcards: an assertion is checked for each action it names",
                        "profile.yaml:12:16: error: access.a.signedUrl: signedUrl only applies with viaCdnDomain"),
                problems(
                        "access:\n  a:\n    principal: {ramUser: app, sessionName: x}\n    actions: [oss:GetObject, oss:Get*, "
                                + "ram:ListUsers]\n    resource: media/x\n    signedUrl: true\n    expect: denied\n"));
    }

    @Test
    void load_badOutcomeResourceAndConditionKey_locatedErrors() throws IOException {
        List<String> problems = problems("access:\n  a:\n    principal: {account: '12'}\n    actions: [oss:GetObject]\n"
                + "    resource: /x\n    conditions: {acs:CurrentTime: now}\n    expect: maybe\n");
        assertEquals(
                List.of(
                        "profile.yaml:9:26: error: access.a.principal.account: use a 16-digit account id or self",
                        "profile.yaml:11:15: error: access.a.resource: '/x' is not a valid resource; use a bucket name, or "
                                + "bucket/key-pattern such as media/invoices/* (* and ? wildcards)",
                        "profile.yaml:12:18: error: access.a.conditions.acs:CurrentTime: 'acs:CurrentTime' is not a valid condition key; "
                                + "accepted: acs:SourceIp, acs:SourceVpc, acs:SecureTransport, acs:Referer, acs:UserAgent",
                        "profile.yaml:13:13: error: access.a.expect: 'maybe' is not a valid outcome; accepted: allowed, denied"),
                problems);
    }
}
