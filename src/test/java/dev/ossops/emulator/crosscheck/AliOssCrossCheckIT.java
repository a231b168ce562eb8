package dev.ossops.emulator.crosscheck;

import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A second official client against the same server: the Node SDK ali-oss (pinned in
 * src/test/node/package-lock.json) runs src/test/node/crosscheck.js against the emulator, once
 * signing with V1 and once with V4 ({@code authorizationV4: true}). Path-style addressing comes
 * from {@code sldEnable: true}; the endpoint is {@code localhost} (see the script for why).
 */
@ExtendWith(EmulatorExtension.class)
class AliOssCrossCheckIT {
    /** Every step the script runs, in order: a step that silently went missing fails too. */
    static final List<String> STEPS = List.of(
            "putBucket",
            "put-file-path",
            "put-buffer-meta-mime",
            "get-content-headers",
            "get-text",
            "head",
            "list-prefix-delimiter",
            "list-all",
            "listV2-paging",
            "listV2-delimiter",
            "delete",
            "deleteMulti",
            "multipartUpload-parallel",
            "multipartUploadCopy",
            "sse-put-head",
            "sse-multipartUpload",
            "presign-get",
            "presign-put",
            "presign-tampered-refused",
            "lifecycle-put-get",
            "lifecycle-older-form",
            "lifecycle-delete-then-NoSuchLifecycle",
            "cors-put-get",
            "cors-delete-then-NoSuchCORSConfiguration",
            "error-get-NoSuchKey",
            "error-wrong-secret-SignatureDoesNotMatch",
            "error-NoSuchBucket",
            "cleanup-deleteBucket");

    private final NodeCrossCheck node = new NodeCrossCheck(Path.of("src/test/node"), Duration.ofMinutes(3));

    @Test
    void aliOss_v1Signatures(EmulatorClients oss) throws IOException, InterruptedException {
        assertAllStepsPass(oss, "v1", oss.bucketName("ali-oss-v1"));
    }

    @Test
    void aliOss_v4Signatures(EmulatorClients oss) throws IOException, InterruptedException {
        assertAllStepsPass(oss, "v4", oss.bucketName("ali-oss-v4"));
    }

    private void assertAllStepsPass(EmulatorClients oss, String mode, String bucket)
            throws IOException, InterruptedException {
        Map<String, String> env = Map.of(
                "OSS_ENDPOINT",
                "http://localhost:" + oss.endpoint().getPort(),
                "OSS_ACCESS_KEY_ID",
                oss.keyId(),
                "OSS_ACCESS_KEY_SECRET",
                oss.secret(),
                "OSS_BUCKET",
                bucket,
                "OSS_REGION",
                oss.region(),
                "OSS_SIGN_VERSION",
                mode);
        NodeCrossCheck.Result result = node.run(env, oss.secret());
        List<String> names =
                result.steps().stream().map(NodeCrossCheck.Step::name).toList();
        assertEquals(STEPS, names, () -> "steps run by ali-oss (" + mode + ")\n" + result.transcript());
        List<String> failed = result.steps().stream()
                .filter(s -> !s.ok())
                .map(s -> s.name() + ": " + s.error())
                .toList();
        if (!failed.isEmpty()) {
            fail("ali-oss (" + mode + ") steps failed against the emulator:\n  " + String.join("\n  ", failed) + "\n"
                    + result.transcript());
        }
        assertEquals(0, result.exitCode(), result::transcript);
    }
}
