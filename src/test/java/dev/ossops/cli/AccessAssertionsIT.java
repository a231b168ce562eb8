package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.ossops.cli.CliRun.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Access assertions end to end on the emulator: apply refuses a profile whose state would break one, and audit finds
 * live state that breaks one, pointing SARIF at the assertion; an unsigned request proves the finding real.
 */
@ExtendWith(EmulatorExtension.class)
class AccessAssertionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A bucket whose policy makes part of invoices/ public, and an assertion that none of it is. */
    private Path profile(URI endpoint, String bucket, boolean block) throws IOException {
        return profile(
                endpoint,
                bucket,
                block,
                "    policy:\n      Version: \"1\"\n      Statement:\n"
                        + "        - { Effect: Allow, Principal: [\"*\"], Action: [oss:GetObject], Resource: [\"acs:oss:*:*:"
                        + bucket
                        + "/invoices/2024/*\"] }\n");
    }

    private Path profile(URI endpoint, String bucket, boolean block, String policy) throws IOException {
        Path file = dir.resolve("access.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: access-it\nregion: cn-hangzhou\nendpoint: "
                        + endpoint + "\ncredentials:\n  source: env\nbuckets:\n"
                        + "  " + bucket + ":\n    acl: private\n    blockPublicAccess: " + block + "\n" + policy
                        + "access:\n"
                        + "  invoices-private:\n"
                        + "    principal: { anonymous: true }\n"
                        + "    actions: [oss:GetObject]\n"
                        + "    resource: " + bucket + "/invoices/*\n"
                        + "    expect: denied\n",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void apply_profileBreakingAnAssertion_refusedAndNothingCreated(URI endpoint, OSS oss) throws IOException {
        Path profile = profile(endpoint, "acc-refused", false);

        CliRun apply =
                CliRun.run(PlanApplyIT.ENV, "apply", "-p", profile.toString(), "--auto-approve", "--allow-destructive");

        assertEquals(1, apply.exit(), apply.all());
        assertContains(
                apply.out(),
                "Access assertions:\n  fails invoices-private: anonymous caller may oss:GetObject on "
                        + "acc-refused/invoices/2024/x: allowed by bucket policy \"acc-refused\" Statement[0]\n");
        assertContains(
                apply.err(),
                "error: the plan breaks access assertion invoices-private (see above); no option "
                        + "overrides an assertion: change the profile; nothing was changed\n");
        assertFalse(oss.doesBucketExist("acc-refused"));
    }

    @Test
    void plan_profileBreakingAnAssertion_exitOne(URI endpoint) throws IOException {
        CliRun plan = CliRun.run(
                PlanApplyIT.ENV,
                "plan",
                "-p",
                profile(endpoint, "acc-plan", false).toString());

        assertEquals(1, plan.exit(), plan.all());
        assertContains(plan.out(), "1 access assertion fails; apply refuses this plan: change the profile.\n");
    }

    @Test
    void audit_liveStateBreaksAssertion_findingAtTheAssertionAndAnonymousReadSucceeds(URI endpoint, OSS oss)
            throws Exception {
        String bucket = "acc-live";
        Path profile = profile(endpoint, bucket, true, "    policy: none\n");
        CliRun apply = CliRun.run(PlanApplyIT.ENV, "apply", "-p", profile.toString(), "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());
        assertContains(
                apply.out(), "  holds invoices-private: anonymous caller may not oss:GetObject on acc-live/invoices/*");

        // Out of band: Block Public Access lifted and the bucket made public-read.
        oss.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest(bucket, false));
        oss.setBucketAcl(bucket, CannedAccessControlList.PublicRead);
        oss.putObject(
                bucket, "invoices/2024/march.pdf", new ByteArrayInputStream("%PDF".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(endpoint.resolve("/" + bucket + "/invoices/2024/march.pdf"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, anonymous.statusCode());

        Path out = dir.resolve("audit.sarif");
        CliRun audit = CliRun.run(
                PlanApplyIT.ENV,
                "audit",
                "-p",
                profile.toString(),
                "--buckets",
                bucket,
                "--format",
                "sarif",
                "--out",
                out.toString());
        assertEquals(ExitCodes.FINDINGS, audit.exit(), audit.all());
        List<String> found = new ArrayList<>();
        for (JsonNode r : JSON.readTree(Files.readString(out)).at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals("ACCESS-ASSERTION")) {
                JsonNode location = r.at("/locations/0/physicalLocation");
                found.add(r.at("/message/text").asText() + " @ "
                        + location.at("/artifactLocation/uri").asText() + ":"
                        + location.at("/region/startLine").asInt() + ":"
                        + location.at("/region/startColumn").asInt());
            }
        }
        assertEquals(
                List.of("access assertion invoices-private fails: anonymous caller may oss:GetObject on "
                        + "acc-live/invoices/x: allowed by the bucket ACL public-read. Fix: Change live access so the assertion holds "
                        + "(apply the profile), or change the assertion if the intent changed. @ " + profile + ":14:3"),
                found);
    }
}
