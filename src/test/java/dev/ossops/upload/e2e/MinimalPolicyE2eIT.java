package dev.ossops.upload.e2e;

import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.fault.FaultPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof 3: a RAM user holding exactly {@code ossops policy minimal --for uploader} can do everything
 * the uploader does (small, multipart, resumed and abandoned uploads, --skip-existing, presigned GET,
 * aborting the upload left by an InitiateMultipartUpload whose answer was lost), and removing any
 * statement or action (as a new default policy version) breaks at least one of them.
 */
@ExtendWith(EmulatorExtension.class)
class MinimalPolicyE2eIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "min";
    private static final long PART = 100 * 1024;

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final Emulator emulator;
    private final String bucket;

    MinimalPolicyE2eIT(EmulatorClients clients) {
        this.clients = clients;
        this.emulator = clients.emulator();
        this.bucket = clients.bucketName("minimal");
        clients.v4().createBucket(bucket);
    }

    /** What the uploader does, each with the user's keys; setup that is not the operation itself uses the root keys. */
    enum Operation {
        SMALL_UPLOAD,
        MULTIPART_UPLOAD,
        SKIP_EXISTING,
        PRESIGNED_GET,
        RESUME,
        ABANDON_STALE_CHECKPOINT,
        LOST_INITIATE_ANSWER
    }

    /** Seed 199 at a 20% rate resets the first OSS request (the InitiateMultipartUpload) and none of the next twenty. */
    private static final FaultPlan FIRST_ANSWER_CUT = new FaultPlan(0, 0, 0, 0, 0.2, 199);

    /** The outcome of one operation: whether it worked and what it printed (stderr, or the HTTP body). */
    record Result(boolean ok, String detail) {}

    private String minimalPolicy() throws Exception {
        Path profile = Files.writeString(dir.resolve("profile.yaml"), """
                apiVersion: ossops/v1
                kind: Profile
                name: minimal
                region: %s
                endpoint: %s
                credentials:
                  source: env
                uploader:
                  bucket: %s
                  prefix: %s
                """.formatted(
                        emulator.config().region(), emulator.endpoint(), bucket, PREFIX));
        E2e.Run r = E2e.ossops(Map.of(), "policy", "minimal", "--for", "uploader", "-p", profile.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    /** A RAM user with one custom policy holding {@code document}; returns the QWEN_TMP_OSS_* environment with its keys. */
    private Map<String, String> user(String name, String document) {
        CreateUserRequest create = new CreateUserRequest();
        create.setUserName(name);
        E2e.call(emulator, create);
        CreatePolicyRequest policy = new CreatePolicyRequest();
        policy.setPolicyName(name + "-policy");
        policy.setPolicyDocument(document);
        E2e.call(emulator, policy);
        AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
        attach.setPolicyType("Custom");
        attach.setPolicyName(name + "-policy");
        attach.setUserName(name);
        E2e.call(emulator, attach);
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName(name);
        CreateAccessKeyResponse.AccessKey created = E2e.call(emulator, key).getAccessKey();
        Map<String, String> env = E2e.env(emulator, bucket, created.getAccessKeyId(), created.getAccessKeySecret());
        env.put("QWEN_TMP_OSS_PREFIX", PREFIX);
        return env;
    }

    private void newDefaultVersion(String user, String document) {
        CreatePolicyVersionRequest version = new CreatePolicyVersionRequest();
        version.setPolicyName(user + "-policy");
        version.setPolicyDocument(document);
        version.setSetAsDefault(true);
        E2e.call(emulator, version);
    }

    private Path file(String name, long size, long seed) throws Exception {
        byte[] data = new byte[(int) size];
        new Random(seed).nextBytes(data);
        return Files.write(dir.resolve(name), data);
    }

    private String key(String user, String name) {
        return PREFIX + "/" + user + "/" + name;
    }

    private String[] upload(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "upload",
                file.toString(),
                "--multipart-threshold",
                "100KiB",
                "--part-size",
                "100KiB",
                "--parallel",
                "2",
                "--checkpoint-dir",
                dir.resolve("cp").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Result cli(E2e.Run r) {
        return new Result(r.exit() == 0, r.err());
    }

    private Result run(Operation op, String user, Map<String, String> env) throws Exception {
        Map<String, String> root = E2e.rootEnv(emulator, bucket);
        switch (op) {
            case SMALL_UPLOAD -> {
                return cli(E2e.ossops(
                        env, upload(file("small.txt", 1000, 1), "--key", key(user, "small.txt"), "--quiet")));
            }
            case MULTIPART_UPLOAD -> {
                Path big = file("multi.bin", 3 * PART + 17, 2);
                E2e.Run r = E2e.ossops(env, upload(big, "--key", key(user, "multi.bin"), "--quiet"));
                if (r.exit() == 0) {
                    assertTrue(JSON.readTree(r.out()).get("etag").asText().endsWith("-4"), r.out());
                }
                return cli(r);
            }
            case SKIP_EXISTING -> {
                Path f = file("again.txt", 500, 3);
                assertEquals(
                        0,
                        E2e.ossops(root, upload(f, "--key", key(user, "again.txt"), "--quiet"))
                                .exit());
                E2e.Run r = E2e.ossops(env, upload(f, "--key", key(user, "again.txt"), "--skip-existing"));
                return new Result(r.exit() == 0 && r.err().contains("uploaded 0, skipped 1, failed 0"), r.err());
            }
            case PRESIGNED_GET -> {
                Path f = file("read.txt", 300, 4);
                assertEquals(
                        0,
                        E2e.ossops(root, upload(f, "--key", key(user, "read.txt"), "--quiet"))
                                .exit());
                E2e.Run presign = E2e.ossops(env, "presign", key(user, "read.txt"));
                assertEquals(0, presign.exit(), presign.err());
                HttpResponse<byte[]> got = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(JSON.readTree(presign.out())
                                                .get("url")
                                                .asText()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                if (got.statusCode() == 200) {
                    assertArrayEquals(Files.readAllBytes(f), got.body());
                }
                return new Result(got.statusCode() == 200, new String(got.body(), StandardCharsets.UTF_8));
            }
            case RESUME -> {
                Path big = file("resume.bin", 4 * PART, 5);
                Crash.multipartUpload(emulator, bucket, big, key(user, "resume.bin"), PART, 2, dir.resolve("cp"));
                return cli(E2e.ossops(env, upload(big, "--key", key(user, "resume.bin"), "--quiet")));
            }
            case ABANDON_STALE_CHECKPOINT -> {
                Path big = file("stale.bin", 4 * PART, 6);
                Crash.multipartUpload(emulator, bucket, big, key(user, "stale.bin"), PART, 2, dir.resolve("cp"));
                // The file changes after the crash: its checkpoint is stale and its upload must be aborted.
                file("stale.bin", 4 * PART, 7);
                Files.setLastModifiedTime(
                        big, FileTime.fromMillis(Files.getLastModifiedTime(big).toMillis() + 5000));
                E2e.Run r = E2e.ossops(env, upload(big, "--key", key(user, "stale.bin"), "--quiet"));
                return cli(r);
            }
            case LOST_INITIATE_ANSWER -> {
                // Done only when the upload whose id was lost is gone too, not merely when the file is stored.
                Path big = file("lost.bin", 2 * PART, 8);
                E2e.Run r = uploadWithFirstAnswerCut(env, big, key(user, "lost.bin"));
                return new Result(
                        r.exit() == 0 && uploadsOf(key(user, "lost.bin")).isEmpty(), r.err());
            }
            default -> throw new IllegalArgumentException(op.name());
        }
    }

    private E2e.Run uploadWithFirstAnswerCut(Map<String, String> env, Path file, String key) {
        emulator.faults().set(FIRST_ANSWER_CUT);
        try {
            return E2e.ossops(env, upload(file, "--key", key, "--quiet"));
        } finally {
            emulator.faults().clear();
        }
    }

    private List<MultipartUpload> uploadsOf(String key) {
        ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(bucket);
        request.setPrefix(key);
        return clients.v4().listMultipartUploads(request).getMultipartUploads();
    }

    private boolean noUploadsLeft(String user) {
        ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(bucket);
        request.setPrefix(PREFIX + "/" + user + "/");
        return clients.v4().listMultipartUploads(request).getMultipartUploads().isEmpty();
    }

    @Test
    void minimalPolicy_everyUploaderOperation_works() throws Exception {
        Map<String, String> env = user("complete", minimalPolicy());
        for (Operation op : Operation.values()) {
            Result result = run(op, "complete", env);
            assertTrue(result.ok(), op + ": " + result.detail());
        }
        assertTrue(noUploadsLeft("complete"));
        assertTrue(clients.v4().doesObjectExist(bucket, key("complete", "resume.bin")));
        assertTrue(clients.v4().doesObjectExist(bucket, key("complete", "stale.bin")));
    }

    /** The statements of the minimal policy, in the order MinimalPolicy writes them (the grammar has no Sid to name them). */
    private static final int UPLOAD_OBJECTS = 0;

    private static final int RESUME_AND_ABORT = 1;
    private static final int FIND_LOST_UPLOADS = 2;
    private static final int READ_UPLOADED = 3;

    static Stream<Arguments> removals() {
        return Stream.of(
                Arguments.of("statement UploadObjects", UPLOAD_OBJECTS, null, Operation.SMALL_UPLOAD),
                Arguments.of("oss:PutObject", UPLOAD_OBJECTS, "oss:PutObject", Operation.MULTIPART_UPLOAD),
                Arguments.of("statement ResumeAndAbortMultipartUploads", RESUME_AND_ABORT, null, Operation.RESUME),
                Arguments.of("oss:ListParts", RESUME_AND_ABORT, "oss:ListParts", Operation.RESUME),
                Arguments.of(
                        "oss:AbortMultipartUpload",
                        RESUME_AND_ABORT,
                        "oss:AbortMultipartUpload",
                        Operation.ABANDON_STALE_CHECKPOINT),
                Arguments.of(
                        "statement FindUploadsWhoseInitiateAnswerWasLost",
                        FIND_LOST_UPLOADS,
                        null,
                        Operation.LOST_INITIATE_ANSWER),
                Arguments.of("statement ReadUploadedObjects", READ_UPLOADED, null, Operation.PRESIGNED_GET),
                Arguments.of("oss:GetObject", READ_UPLOADED, "oss:GetObject", Operation.SKIP_EXISTING));
    }

    @ParameterizedTest(name = "without {0}: {3} is denied")
    @MethodSource("removals")
    void minimalPolicy_withoutOneGrant_deniesAnUploaderOperation(
            String removed, int statement, String action, Operation breaks) throws Exception {
        String user = "less-" + removed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        String full = minimalPolicy();
        Map<String, String> env = user(user, full);
        String reduced = without(full, statement, action);
        assertFalse(reduced.equals(JSON.readTree(full).toString()), "nothing was removed");
        newDefaultVersion(user, reduced);

        Result result = run(breaks, user, env);

        assertFalse(result.ok(), breaks + " still works without " + removed);
        // A denied HEAD has no body: the SDK reads the code from the x-oss-err header.
        assertTrue(result.detail().contains("AccessDenied"), result.detail());
        assertFalse(result.detail().contains(env.get("QWEN_TMP_OSS_AK_SECRET")), "the secret leaked");
    }

    /**
     * An older, narrower policy (the minimal one before it could list uploads): the upload whose
     * InitiateMultipartUpload answer was lost cannot be found, so the uploader warns, naming the
     * key and the lifecycle rule that would remove it, and still uploads the file.
     */
    @Test
    void policyWithoutListMultipartUploads_initiateAnswerLost_warnsAndStillUploads() throws Exception {
        Map<String, String> env = user("older", without(minimalPolicy(), FIND_LOST_UPLOADS, null));
        Path big = file("lost.bin", 2 * PART, 9);
        String key = key("older", "lost.bin");

        E2e.Run r = uploadWithFirstAnswerCut(env, big, key);

        assertEquals(0, r.exit(), r.err());
        assertEquals(
                "warning: " + bucket + "/" + key
                        + ": 1 InitiateMultipartUpload answer was lost, and the uploads started"
                        + " meanwhile could not be listed to abort them (ListMultipartUploads " + bucket + "/" + key
                        + " failed: AccessDenied: The bucket you access does not belong to you. (request id …));"
                        + " a lifecycle rule with AbortMultipartUpload"
                        + " (such as lifecycle/abort-incomplete-uploads.json) removes them\n",
                r.err().replaceAll("\\(request id [0-9A-F]{24}\\)", "(request id …)"));
        assertFalse(r.err().contains(env.get("QWEN_TMP_OSS_AK_SECRET")), "the secret leaked");
        assertArrayEquals(Files.readAllBytes(big), TestData.stored(clients.v4(), bucket, key));
        List<MultipartUpload> left = uploadsOf(key);
        assertEquals(1, left.size());
        clients.v4()
                .abortMultipartUpload(
                        new AbortMultipartUploadRequest(bucket, key, left.get(0).getUploadId()));
    }

    /** The policy without statement {@code index}, or without {@code action} in it (and the statement gone if it held nothing else). */
    private static String without(String document, int index, String action) throws Exception {
        ObjectNode policy = (ObjectNode) JSON.readTree(document);
        ArrayNode statements = (ArrayNode) policy.get("Statement");
        assertTrue(index < statements.size(), "no statement " + index + " in " + document);
        if (action == null) {
            statements.remove(index);
            return policy.toString();
        }
        ArrayNode actions = (ArrayNode) statements.get(index).get("Action");
        for (Iterator<JsonNode> a = actions.iterator(); a.hasNext(); ) {
            if (a.next().asText().equals(action)) {
                a.remove();
            }
        }
        if (actions.isEmpty()) {
            statements.remove(index);
        }
        return policy.toString();
    }
}
