package dev.ossops.spec;

import dev.ossops.spec.model.Serve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The optional {@code serve:} section: binding with defaults, and located errors for what it refuses. */
class ServeSpecTest {
    private static final String HEADER = "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-hangzhou\n"
            + "buckets:\n  media: {}\nuploader: {bucket: media}\n";

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
    void load_fullServe_bindsEveryField() throws IOException {
        Serve serve = load("serve:\n  apiKeys:\n    alice: {env: KEY_ALICE}\n  apiKeysFile: keys.txt\n"
                        + "  allowedOrigins: [https://app.example.com, http://127.0.0.1:8080]\n  keyPrefix: user-uploads\n"
                        + "  presignExpiresSeconds: 300\n  publicUrlExpiresSeconds: 7200\n  rateLimit: {requestsPerMinute: 30}\n"
                        + "  sts: {role: upload-role, durationSeconds: 1800}\n")
                .profile()
                .orElseThrow()
                .serve()
                .orElseThrow();
        assertEquals(
                new Serve(
                        Map.of("alice", "KEY_ALICE"),
                        Optional.of(dir.resolve("keys.txt")),
                        List.of("https://app.example.com", "http://127.0.0.1:8080"),
                        "user-uploads",
                        300,
                        7200,
                        Optional.empty(),
                        30,
                        Optional.of("upload-role"),
                        1800),
                serve);
    }

    @Test
    void load_minimalServe_takesTheDefaults() throws IOException {
        Serve serve = load("serve:\n  apiKeysFile: keys.txt\n")
                .profile()
                .orElseThrow()
                .serve()
                .orElseThrow();
        assertEquals(
                new Serve(
                        Map.of(),
                        Optional.of(dir.resolve("keys.txt")),
                        List.of(),
                        "uploads",
                        600,
                        3600,
                        Optional.empty(),
                        60,
                        Optional.empty(),
                        900),
                serve);
    }

    @Test
    void load_literalKeyOrNoKeySource_locatedErrors() throws IOException {
        assertEquals(
                List.of(
                        "profile.yaml:10:12: error: serve.apiKeys.alice: missing required key 'env' (a string)",
                        "profile.yaml:10:13: error: serve.apiKeys.alice.key: unknown key 'key'; accepted keys: env"),
                problems("serve:\n  apiKeys:\n    alice: {key: secret-in-the-profile}\n"));
        assertEquals(
                List.of(
                        "profile.yaml:9:3: error: serve: needs apiKeys or apiKeysFile: every caller authenticates with an API key"),
                problems("serve:\n  keyPrefix: uploads\n"));
    }

    @Test
    void load_badNamesOriginsAndRanges_locatedErrors() throws IOException {
        assertEquals(
                List.of(
                        "profile.yaml:10:5: error: serve.apiKeys.Alice/1: 'Alice/1' is not a valid principal; use 1-48 lowercase letters, "
                                + "digits, hyphens and underscores, starting with a letter or digit",
                        "profile.yaml:10:20: error: serve.apiKeys.Alice/1.env: '1KEY' is not a valid environment variable name; use letters, "
                                + "digits and underscores, not starting with a digit",
                        "profile.yaml:11:20: error: serve.allowedOrigins[0]: 'https://app.example.com/' is not a valid origin; use "
                                + "scheme://host[:port] with no path or trailing slash, e.g. https://app.example.com",
                        "profile.yaml:12:35: error: serve.sts.durationSeconds: must be between 900 and 43200 (AssumeRole's DurationSeconds range), "
                                + "got 60"),
                problems("serve:\n  apiKeys:\n    Alice/1: {env: 1KEY}\n  allowedOrigins: [https://app.example.com/]\n"
                        + "  sts: {role: r, durationSeconds: 60}\n"));
    }

    @Test
    void load_serveWithoutUploader_locatedError() throws IOException {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-hangzhou\nserve:\n  apiKeysFile: k.txt\n");
        assertEquals(
                List.of(
                        "profile.yaml:6:3: error: serve: needs an uploader section: serve hands out uploads to its bucket, "
                                + "with its allowedContentTypes and maxSizeBytes"),
                new ProfileLoader()
                        .load(file).problems().stream()
                                .map(p -> p.format().replace(dir + "/", ""))
                                .toList());
    }

    @Test
    void load_cdnDomainNotInProfile_warns() throws IOException {
        assertEquals(
                List.of(
                        "profile.yaml:10:14: warning: serve.cdnDomain: domain 'media.example.com' is not defined in this "
                                + "profile's cdn.domains; it must already serve the uploader bucket"),
                problems("serve:\n  apiKeysFile: k.txt\n  cdnDomain: media.example.com\n"));
    }
}
