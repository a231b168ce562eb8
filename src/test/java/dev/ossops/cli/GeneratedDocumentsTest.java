package dev.ossops.cli;

import dev.ossops.policy.OssAction;
import dev.ossops.upload.SessionPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property-style: every policy document an ossops generator writes without live state ({@code policy minimal},
 * {@code generate: uploader}, the session policies of {@code sts-token} and {@code serve}) is one {@code ossops validate}
 * accepts, for many drawn inputs (a fixed seed, so a failure repeats). {@code RoundTripIT} covers the generators that
 * read live state (export, audit --fix).
 */
class GeneratedDocumentsTest {
    private static final int DRAWS = 60;
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final List<String> OBJECT_ACTIONS = Arrays.stream(OssAction.values())
            .filter(a -> a.scope() == OssAction.Scope.OBJECT)
            .map(OssAction::action)
            .toList();

    @TempDir
    Path dir;

    private final Random random = new Random(13);

    private String bucket() {
        int length = 3 + random.nextInt(61);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            boolean edge = i == 0 || i == length - 1;
            name.append(
                    !edge && random.nextInt(6) == 0 ? '-' : ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return name.toString();
    }

    /** Prefixes as people write them: nested, with dots, spaces, non-ASCII, a trailing slash or not. */
    private String prefix() {
        String[] pieces = {"uploads", "user-42", "2026", "a.b", "media files", "图片", "x_y", "v1.0", "~tmp"};
        StringBuilder prefix = new StringBuilder();
        int segments = 1 + random.nextInt(3);
        for (int i = 0; i < segments; i++) {
            prefix.append(i == 0 ? "" : "/").append(pieces[random.nextInt(pieces.length)]);
        }
        return prefix.append(random.nextBoolean() ? "/" : "").toString();
    }

    private List<String> actions() {
        List<String> all = new ArrayList<>(OBJECT_ACTIONS);
        java.util.Collections.shuffle(all, random);
        return all.subList(0, 1 + random.nextInt(3));
    }

    private static String profile(String bucket, String prefix, String ram) {
        return "apiVersion: ossops/v1\nkind: Profile\nname: gen\nregion: cn-hangzhou\nendpoint: http://127.0.0.1:9\n"
                + "credentials: {source: env}\n" + ram
                + "uploader:\n  bucket: " + bucket + "\n  prefix: \"" + prefix + "\"\n";
    }

    private CliRun validate(Path profile) {
        return CliRun.run(Map.of(), "validate", "-p", profile.toString());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void policyMinimal_drawnUploaders_validateAcceptsTheDocument() throws IOException {
        for (int i = 0; i < DRAWS; i++) {
            String bucket = bucket();
            String prefix = prefix();
            Path source = write("source-" + i + ".yaml", profile(bucket, prefix, ""));
            CliRun minimal = CliRun.run(Map.of(), "policy", "minimal", "--for", "uploader", "-p", source.toString());
            assertEquals(0, minimal.exit(), minimal.err());
            write("minimal-" + i + ".json", minimal.out());

            CliRun valid = validate(write(
                    "check-" + i + ".yaml",
                    profile(
                            bucket,
                            prefix,
                            "ram:\n  policies:\n    UploaderMinimal: {document: minimal-" + i + ".json}\n")));

            assertEquals(0, valid.exit(), bucket + " " + prefix + ":\n" + minimal.out() + valid.out());
        }
    }

    @Test
    void generateUploader_drawnUploaders_profileValidates() throws IOException {
        for (int i = 0; i < DRAWS; i++) {
            String bucket = bucket();
            String prefix = prefix();

            CliRun valid = validate(
                    write(
                            "generate-" + i + ".yaml",
                            profile(
                                    bucket,
                                    prefix,
                                    "ram:\n  policies:\n    UploaderMinimal: {generate: uploader}\n  users:\n    app: {policies: [UploaderMinimal]}\n")));

            assertEquals(0, valid.exit(), bucket + " " + prefix + ":\n" + valid.out());
        }
    }

    @Test
    void sessionPolicies_drawnPrefixesKeysAndActions_validateAcceptsThemAsRamPolicies() throws IOException {
        for (int i = 0; i < DRAWS; i++) {
            String bucket = bucket();
            String prefix = prefix();
            // sts-token --prefix takes what people type, leading slash included.
            write(
                    "prefix-" + i + ".json",
                    SessionPolicies.forPrefix(bucket, (random.nextBoolean() ? "/" : "") + prefix, actions()));
            write(
                    "object-" + i + ".json",
                    SessionPolicies.forObject(bucket, prefix + "/photo-" + i + ".jpg", actions()));

            CliRun valid = validate(write(
                    "session-" + i + ".yaml",
                    profile(
                            bucket,
                            prefix,
                            "ram:\n  policies:\n" + "    Prefix: {document: prefix-" + i
                                    + ".json}\n    Object: {document: object-" + i + ".json}\n")));

            assertEquals(0, valid.exit(), bucket + " " + prefix + ":\n" + valid.out());
        }
    }
}
