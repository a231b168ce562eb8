package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ossops.cli.CliRun.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shipped HTTPS-only bucket policy planned against the emulator over http://: a self-lockout, refused by apply. */
@ExtendWith(EmulatorExtension.class)
class SelfLockoutIT {
    private static final String DENIED =
            "the policy denies account 1680000000000001, as whom ossops connects over HTTP, "
                    + "oss:GetBucketPolicy, oss:PutBucketPolicy, oss:DeleteBucketPolicy, oss:GetBucketAcl, oss:PutBucketAcl, oss:GetBucketInfo, "
                    + "oss:ListObjects, oss:GetObject, oss:PutObject: once applied, ossops (and the owner over this connection) could not "
                    + "change or remove it";

    @TempDir
    Path dir;

    private Path profile(URI endpoint, String bucket) throws IOException {
        Path policy = dir.resolve("https-only.json");
        Files.writeString(
                policy,
                Files.readString(Path.of("policies/bucket-https-only.json")).replace("myapp-prod-media", bucket));
        Path file = dir.resolve("p.yaml");
        Files.writeString(
                file,
                PlanApplyIT.profile(endpoint, "  " + bucket + ":\n    acl: private\n    policy: https-only.json\n"),
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void plan_httpsOnlyPolicyOverHttp_flagsSelfLockoutInTextAndJson(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("sl-plan");
        Path profile = profile(endpoint, "sl-plan");

        CliRun text = CliRun.run(PlanApplyIT.ENV, "plan", "-p", profile.toString(), "--no-color");
        CliRun json = CliRun.run(PlanApplyIT.ENV, "plan", "-p", profile.toString(), "--format", "json");

        assertEquals(0, text.exit(), text.all());
        assertContains(text.out(), DENIED);
        JsonNode policyChange =
                new ObjectMapper().readTree(json.out()).path("changes").get(2);
        assertEquals("bucket.sl-plan.policy", policyChange.path("address").asText());
        assertEquals(
                "[{\"rule\":\"self-lockout\",\"message\":\"" + DENIED + "\"}]",
                policyChange.path("dangers").toString());
    }

    @Test
    void apply_httpsOnlyPolicyOverHttp_refusedWithoutAllowDestructive(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("sl-apply");
        Path profile = profile(endpoint, "sl-apply");

        CliRun apply = CliRun.run(PlanApplyIT.ENV, "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(1, apply.exit(), apply.all());
        assertEquals(
                "error: refusing destructive changes without --allow-destructive:\n  bucket.sl-apply.policy is destructive "
                        + "(self-lockout): " + DENIED + "\n",
                apply.err());
        OSSException none = assertThrows(OSSException.class, () -> oss.getBucketPolicy("sl-apply"));
        assertEquals("NoSuchBucketPolicy", none.getErrorCode());
    }
}
