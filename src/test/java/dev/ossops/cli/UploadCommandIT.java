package dev.ossops.cli;

import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.OSSObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.checksum.Crc64;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.upload.Checkpoint;
import dev.ossops.upload.CheckpointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The uploader commands end to end: picocli, the session (env or profile), the SDK, the emulator. */
@ExtendWith(EmulatorExtension.class)
class UploadCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final String bucket;

    UploadCommandIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("cli");
        clients.v4().createBucket(bucket);
    }

    record Run(int exit, String out, String err) {}

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(exit, out.toString(), err.toString());
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("QWEN_TMP_OSS_BUCKET", bucket);
        env.put("QWEN_TMP_OSS_REGION", clients.region());
        env.put("QWEN_TMP_OSS_ENDPOINT", clients.endpoint().toString());
        env.put("QWEN_TMP_OSS_AK_ID", clients.keyId());
        env.put("QWEN_TMP_OSS_AK_SECRET", clients.secret());
        return env;
    }

    private Path file(String name, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(name.hashCode()).nextBytes(data);
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.write(f, data);
    }

    private byte[] stored(String key) throws Exception {
        try (OSSObject o = clients.v4().getObject(bucket, key);
                InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static byte[] httpGet(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body()));
        return r.body();
    }

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private void assertNoSecrets(Run r) {
        assertFalse(r.err().contains(clients.secret()), r.err());
        assertFalse(r.err().contains("Signature"), r.err());
        assertFalse(r.err().contains("x-oss-signature"), r.err());
        assertFalse(r.out().contains(clients.secret()));
    }

    @Test
    void upload_withQwenEnvironment_printsOneJsonLineWithWorkingUrl() throws Exception {
        Path f = file("cat photo.png", 3000);
        Instant before = Instant.now();

        Run r = run(
                env(),
                "upload",
                f.toString(),
                "--checkpoint-dir",
                dir.resolve("cp").toString(),
                "--expires",
                "600");

        assertEquals(0, r.exit(), r.err());
        List<JsonNode> out = lines(r.out());
        assertEquals(1, out.size());
        JsonNode line = out.get(0);
        assertEquals(List.of("bucket", "key", "size", "crc64", "etag", "url", "expires_at"), iterator(line));
        assertEquals(bucket, line.get("bucket").asText());
        assertTrue(
                line.get("key")
                        .asText()
                        .matches("qwencloud-uploads/\\d{4}-\\d{2}-\\d{2}/[0-9a-f-]{36}_cat photo\\.png"),
                line.toString());
        assertEquals(3000, line.get("size").asLong());
        byte[] local = Files.readAllBytes(f);
        assertEquals(Crc64.format(Crc64.of(local)), line.get("crc64").asText());
        assertArrayEquals(local, httpGet(line.get("url").asText()));
        Instant expires = Instant.parse(line.get("expires_at").asText());
        assertTrue(
                !expires.isBefore(before.plusSeconds(599))
                        && !expires.isAfter(Instant.now().plusSeconds(600)),
                expires.toString());
        assertTrue(r.err().contains("uploaded 1, skipped 0, failed 0 in "), r.err());
        assertNoSecrets(r);
    }

    private static List<String> iterator(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void upload_recursiveMultipartFromEnvFile_roundTripsEveryFileAndLeavesNoUpload() throws Exception {
        Path big = file("tree/videos/big.mp4", 100 * 1024 * 3 + 17);
        Path small = file("tree/notes/a+b ü.txt", 10);
        file("tree/skip.tmp", 5);
        StringBuilder envFile = new StringBuilder();
        env().forEach((k, v) -> envFile.append(k).append('=').append(v).append('\n'));
        Path dotenv = Files.writeString(dir.resolve(".env"), envFile);

        Run r = run(
                Map.of(),
                "upload",
                "--env-file",
                dotenv.toString(),
                dir.resolve("tree").toString(),
                "--recursive",
                "--exclude",
                "*.tmp",
                "--dir-mode",
                "no_subdirectory",
                "--prefix",
                "site",
                "--multipart-threshold",
                "100KiB",
                "--part-size",
                "100KiB",
                "--parallel",
                "3",
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString());

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<JsonNode> out = lines(r.out());
        assertEquals(2, out.size());
        Map<String, Path> expected = Map.of("site/videos/big.mp4", big, "site/notes/a+b ü.txt", small);
        for (JsonNode line : out) {
            Path f = expected.get(line.get("key").asText());
            assertEquals(
                    sha256(Files.readAllBytes(f)), sha256(stored(line.get("key").asText())), line.toString());
        }
        assertTrue(out.stream().anyMatch(l -> l.get("etag").asText().endsWith("-4")), r.out());
        assertEquals(
                List.of(),
                clients.v4()
                        .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                        .getMultipartUploads());
    }

    @Test
    void upload_recursiveWithUuidLayout_keepsRelativeDirectoriesBeforeTheLastSegment() throws Exception {
        Path a = file("assets/a.png", 8);
        Path b = file("assets/sub/b.png", 9);

        Run r = run(env(), "upload", "--recursive", dir.resolve("assets").toString(), "--prefix", "web", "--quiet");

        assertEquals(0, r.exit(), r.err());
        Map<String, String> keys = new HashMap<>();
        for (JsonNode line : lines(r.out())) {
            String key = line.get("key").asText();
            keys.put(key.substring(key.lastIndexOf('_') + 1), key);
        }
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertTrue(keys.get("a.png").matches("web/\\d{4}-\\d{2}-\\d{2}/" + uuid + "_a\\.png"), keys.toString());
        assertTrue(keys.get("b.png").matches("web/\\d{4}-\\d{2}-\\d{2}/sub/" + uuid + "_b\\.png"), keys.toString());
        assertEquals(sha256(Files.readAllBytes(a)), sha256(stored(keys.get("a.png"))));
        assertEquals(sha256(Files.readAllBytes(b)), sha256(stored(keys.get("b.png"))));
    }

    @Test
    void upload_recursiveWithALinkLeadingOutside_uploadsNothing() throws Exception {
        file("outside/secret.txt", 5);
        file("tree/ok.txt", 5);
        Path link = Files.createSymbolicLink(dir.resolve("tree/leak.txt"), Path.of("../outside/secret.txt"));

        Run r = run(
                env(),
                "upload",
                "--recursive",
                dir.resolve("tree").toString(),
                "--dir-mode",
                "no_subdirectory",
                "--prefix",
                "escape",
                "--quiet");

        assertEquals(1, r.exit());
        assertEquals(
                "error: " + link + " is a symbolic link to " + dir.toRealPath().resolve("outside/secret.txt")
                        + ", outside " + dir.resolve("tree")
                        + "; a directory upload takes only files inside it: --exclude the link or copy the file in\n",
                r.err());
        assertEquals(List.of(), clients.v4().listObjects(bucket, "escape/").getObjectSummaries());
    }

    @Test
    void upload_skipExisting_isRefusedWithAUuidLayoutAndSkipsWithADeterministicOne() throws Exception {
        file("skip/a.png", 8);
        String tree = dir.resolve("skip").toString();

        Run refused = run(env(), "upload", "--recursive", tree, "--prefix", "skip", "--skip-existing", "--quiet");

        assertEquals(1, refused.exit());
        assertEquals(
                "error: --skip-existing cannot match anything with key layout '{prefix}/{date}/{uuid}_{filename}':"
                        + " {uuid} makes a new key every run; choose a layout without {uuid}, {timestamp} and"
                        + " filename_timestamp (e.g. --dir-mode no_subdirectory), or --key\n",
                refused.err());
        assertEquals(List.of(), clients.v4().listObjects(bucket, "skip/").getObjectSummaries());

        String[] stable = {
            "upload", "--recursive", tree, "--prefix", "skip", "--dir-mode", "no_subdirectory", "--skip-existing"
        };
        Run first = run(env(), stable);
        Run second = run(env(), stable);

        assertEquals(0, first.exit(), first.err());
        assertTrue(first.err().contains("uploaded 1, skipped 0, failed 0"), first.err());
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("uploaded 0, skipped 1, failed 0"), second.err());
    }

    @Test
    void upload_truncatedCheckpoint_abortsItsUploadSaysSoAndStartsOver() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path big = file("work/big.bin", 300 * 1024 + 5);
        String key = "tamper/big.bin";
        String uploadId = clients.v4()
                .initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key))
                .getUploadId();
        CheckpointStore store = new CheckpointStore(CheckpointStore.defaultDirectory(Map.of("HOME", home.toString())));
        store.save(Checkpoint.start(
                bucket,
                key,
                uploadId,
                big,
                Files.size(big),
                Files.getLastModifiedTime(big).toMillis(),
                100 * 1024));
        Path checkpoint = store.pathFor(bucket, key, big);
        String json = Files.readString(checkpoint);
        Files.writeString(checkpoint, json.substring(0, json.indexOf("\"file\"")));
        Map<String, String> env = env();
        env.put("HOME", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        // A relative path, resolved in the command's working directory, not the JVM's.
        int exit = Main.run(
                new String[] {
                    "upload", "big.bin", "--key", key, "--multipart-threshold", "100KiB", "--part-size", "100KiB", "-q"
                },
                new PrintWriter(out),
                new PrintWriter(err),
                CliEnvironment.nonInteractive(env).in(work));

        assertEquals(0, exit, err.toString());
        assertEquals(
                "warning: big.bin: checkpoint " + checkpoint + " cannot be used (not JSON: Unexpected end-of-input"
                        + " within/between Object entries); its upload " + uploadId
                        + " was aborted; uploading from the start\n",
                err.toString());
        assertArrayEquals(Files.readAllBytes(big), stored(key));
        assertEquals(
                List.of(),
                clients.v4()
                        .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                        .getMultipartUploads());
        assertFalse(Files.exists(checkpoint));
    }

    @Test
    void upload_checkpointEditedToNameAnotherKey_leavesThatUploadAloneAndStartsOver() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home2"));
        Path big = file("edited/big.bin", 300 * 1024 + 5);
        String key = "tamper/edited.bin";
        String theirs = clients.v4()
                .initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, "someone/else.bin"))
                .getUploadId();
        CheckpointStore store = new CheckpointStore(CheckpointStore.defaultDirectory(Map.of("HOME", home.toString())));
        store.save(Checkpoint.start(
                bucket,
                key,
                theirs,
                big,
                Files.size(big),
                Files.getLastModifiedTime(big).toMillis(),
                100 * 1024));
        Path checkpoint = store.pathFor(bucket, key, big);
        Files.writeString(checkpoint, Files.readString(checkpoint).replace(key, "someone/else.bin"));
        Map<String, String> env = env();
        env.put("HOME", home.toString());

        Run r = run(
                env,
                "upload",
                big.toString(),
                "--key",
                key,
                "--multipart-threshold",
                "100KiB",
                "--part-size",
                "100KiB",
                "-q");

        assertEquals(0, r.exit(), r.err());
        assertEquals(
                "warning: big.bin: checkpoint " + checkpoint + " cannot be used (checkpoint is for bucket '" + bucket
                        + "' key 'someone/else.bin' file '" + big + "', not this upload); its upload " + theirs
                        + " is left alone, since the checkpoint names no key it could be for (a lifecycle rule with"
                        + " AbortMultipartUpload (such as lifecycle/abort-incomplete-uploads.json) removes them);"
                        + " uploading from the start\n",
                r.err());
        assertArrayEquals(Files.readAllBytes(big), stored(key));
        assertEquals(
                List.of(theirs),
                clients
                        .v4()
                        .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                        .getMultipartUploads()
                        .stream()
                        .map(u -> u.getUploadId())
                        .toList());
        clients.v4()
                .abortMultipartUpload(
                        new com.aliyun.oss.model.AbortMultipartUploadRequest(bucket, "someone/else.bin", theirs));
    }

    @Test
    void upload_profileLimitsAndOneBadFile_uploadsTheOthersAndExitsOne() throws Exception {
        Path profile = Files.writeString(
                dir.resolve("profile.yaml"), """
                apiVersion: ossops/v1
                kind: Profile
                name: test
                region: %s
                endpoint: %s
                credentials:
                  source: env
                uploader:
                  bucket: %s
                  prefix: limited
                  keyLayout: "{prefix}/{filename}"
                  allowedContentTypes: [image/png]
                  maxSizeBytes: 100
                """.formatted(clients.region(), clients.endpoint(), bucket));
        Path ok = file("p/ok.png", 100);
        Path big = file("p/big.png", 101);
        Path pdf = file("p/doc.pdf", 1);
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", clients.keyId(), "ALIBABA_CLOUD_ACCESS_KEY_SECRET", clients.secret());

        Run r = run(
                env,
                "upload",
                "-p",
                profile.toString(),
                ok.toString(),
                big.toString(),
                pdf.toString(),
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString());

        assertEquals(1, r.exit());
        assertEquals("limited/ok.png", lines(r.out()).get(0).get("key").asText());
        assertEquals(1, lines(r.out()).size());
        assertTrue(r.err().contains("error: big.png: 101 bytes exceeds maxSizeBytes 100 bytes\n"), r.err());
        assertTrue(
                r.err()
                        .contains(
                                "error: doc.pdf: content type application/pdf is not allowed (allowedContentTypes: image/png)\n"),
                r.err());
        assertFalse(clients.v4().doesObjectExist(bucket, "limited/big.png"));
    }

    @Test
    void upload_withoutConfiguration_explainsWhatToSet() throws Exception {
        Path f = file("x.txt", 1);
        Run r = run(Map.of(), "upload", f.toString());
        assertEquals(1, r.exit());
        assertTrue(
                r.err()
                        .startsWith("error: no uploader configuration: pass -p PROFILE, or set QWEN_TMP_OSS_BUCKET and "
                                + "QWEN_TMP_OSS_REGION (in the environment or --env-file)\n"),
                r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v4"})
    void presign_put_printsHeadersThatTheUrlAccepts(String sign) throws Exception {
        Run r = run(
                env(),
                "presign",
                "forms/" + sign + " file.txt",
                "--method",
                "PUT",
                "--content-type",
                "text/plain",
                "--sign",
                sign);

        assertEquals(0, r.exit(), r.err());
        JsonNode result = JSON.readTree(r.out());
        assertEquals("PUT", result.get("method").asText());
        assertEquals(
                Map.of("Content-Type", "text/plain", "x-oss-forbid-overwrite", "true"),
                JSON.convertValue(result.get("headers"), Map.class));
        HttpRequest.Builder put = HttpRequest.newBuilder(
                        URI.create(result.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString("body " + sign));
        result.get("headers")
                .properties()
                .forEach(h -> put.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertArrayEquals(("body " + sign).getBytes(), stored("forms/" + sign + " file.txt"));

        Run get = run(env(), "presign", "forms/" + sign + " file.txt", "--sign", sign, "--expires", "60");
        assertEquals(0, get.exit(), get.err());
        assertArrayEquals(
                ("body " + sign).getBytes(),
                httpGet(JSON.readTree(get.out()).get("url").asText()));
    }

    @Test
    void presign_putWithWrongContentType_isRefusedByTheService() throws Exception {
        Run r = run(env(), "presign", "forms/typed.txt", "--method", "PUT", "--content-type", "text/plain");
        HttpRequest put = HttpRequest.newBuilder(
                        URI.create(JSON.readTree(r.out()).get("url").asText()))
                .header("Content-Type", "image/png")
                .header("x-oss-forbid-overwrite", "true")
                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                .build();
        assertEquals(
                403,
                HttpClient.newHttpClient()
                        .send(put, HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    @Test
    void policyMinimal_forUploader_printsThePrefixPolicy() {
        Map<String, String> env = env();
        env.put("QWEN_TMP_OSS_PREFIX", "ai/prod");
        Run r = run(env, "policy", "minimal", "--for", "uploader");
        assertEquals(0, r.exit(), r.err());
        assertEquals(
                dev.ossops.upload.MinimalPolicy.forUploader(
                                bucket, "ai/prod", dev.ossops.upload.MinimalPolicy.Needs.all())
                        + "\n",
                r.out());
        assertTrue(r.out().contains("\"acs:oss:*:*:" + bucket + "/ai/prod/*\""), r.out());
    }

    @Test
    void postPolicy_v4_printsSignedFieldsForThePrefix() throws Exception {
        Run r = run(env(), "post-policy", "--prefix", "browser/u1", "--max-size", "1MiB", "--expires", "300");
        assertEquals(0, r.exit(), r.err());
        JsonNode result = JSON.readTree(r.out());
        assertEquals(clients.endpoint() + "/" + bucket, result.get("url").asText());
        assertEquals("browser/u1/", result.get("key_prefix").asText());
        assertEquals(
                List.of(
                        "policy",
                        "x-oss-signature-version",
                        "x-oss-credential",
                        "x-oss-date",
                        "x-oss-signature",
                        "x-oss-forbid-overwrite",
                        "x-oss-object-acl"),
                iterator(result.get("fields")));
        assertEquals(
                "[\"content-length-range\",0,1048576]",
                result.get("policy").get("conditions").get(1).toString());
        assertEquals(
                "[\"starts-with\",\"$key\",\"browser/u1/\"]",
                result.get("policy").get("conditions").get(2).toString());
    }

    @Test
    void get_ossUriAndPresignedUrl_downloadsBothAndHidesTheQuery() throws Exception {
        byte[] a = new byte[300 * 1024 + 5];
        new Random(1).nextBytes(a);
        clients.v4().putObject(bucket, "dl/a.bin", new java.io.ByteArrayInputStream(a));
        clients.v4().putObject(bucket, "dl/b c.txt", new java.io.ByteArrayInputStream("bee".getBytes()));
        String presigned = JSON.readTree(run(env(), "presign", "dl/b c.txt").out())
                .get("url")
                .asText();
        Path out = dir.resolve("out");

        Run r = run(
                env(),
                "get",
                "oss://" + bucket + "/dl/a.bin",
                presigned,
                "-o",
                out.toString(),
                "--multipart-threshold",
                "100KiB",
                "--part-size",
                "100KiB",
                "--parallel",
                "2");

        assertEquals(0, r.exit(), r.err());
        assertArrayEquals(a, Files.readAllBytes(out.resolve("a.bin")));
        assertArrayEquals("bee".getBytes(), Files.readAllBytes(out.resolve("b c.txt")));
        List<JsonNode> lines = lines(r.out());
        assertEquals("oss://" + bucket + "/dl/a.bin", lines.get(0).get("url").asText());
        assertEquals(Crc64.format(Crc64.of(a)), lines.get(0).get("crc64").asText());
        assertEquals(
                presigned.substring(0, presigned.indexOf('?')) + "?…",
                lines.get(1).get("url").asText());
        assertFalse(r.out().contains("x-oss-signature"), r.out());
        assertTrue(r.err().endsWith("downloaded 2, failed 0\n"), r.err());
        assertNoSecrets(r);
    }

    @Test
    void get_missingObject_reportsItAndExitsOne() {
        Run r = run(env(), "get", "oss://" + bucket + "/missing.bin", "-o", dir.toString(), "--quiet");
        assertEquals(1, r.exit());
        assertEquals("error: oss://" + bucket + "/missing.bin: no such object\n", r.err());
    }

    @Test
    void upload_signV1Multipart_roundTripsAndPrintsAV1Url() throws Exception {
        Path f = file("v1/clip.mp4", 100 * 1024 * 2 + 3);

        Run r = run(
                env(),
                "upload",
                f.toString(),
                "--sign",
                "v1",
                "--key",
                "v1/clip.mp4",
                "--multipart-threshold",
                "100KiB",
                "--part-size",
                "100KiB",
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString());

        assertEquals(0, r.exit(), r.err());
        JsonNode line = JSON.readTree(r.out());
        assertEquals("v1/clip.mp4", line.get("key").asText());
        assertTrue(line.get("etag").asText().endsWith("-3"), line.toString());
        assertTrue(line.get("url").asText().contains("OSSAccessKeyId="), "a V1 presigned URL");
        assertArrayEquals(Files.readAllBytes(f), httpGet(line.get("url").asText()));
    }
}
