package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.LifecycleFilter;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
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
import static dev.ossops.cli.PlanApplyIT.ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export writes live state as a profile that plans zero changes against the same account. */
@ExtendWith(EmulatorExtension.class)
class ExportIT {

    @TempDir
    Path dir;

    @Test
    void export_everyBucket_roundTripsToZeroChanges(URI endpoint) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(profile, PlanApplyIT.profile(endpoint, PlanApplyIT.full("it-exp-media", "it-exp-logs")
                + "  it-exp-plain:\n    acl: public-read-write\n    allowPublicWrite: { reason: test }\n"), StandardCharsets.UTF_8);
        assertEquals(0, CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve", "--allow-destructive").exit());
        Path out = dir.resolve("export");

        CliRun export = CliRun.run(ENV, "export", "-p", profile.toString(), "--out", out.toString());

        assertEquals(0, export.exit(), export.all());
        assertContains(export.out(), "wrote " + out.resolve("profile.yaml"));
        // Every configuration of these buckets has a profile form: nothing is left out.
        assertFalse(export.err().contains("left out"), export.err());
        assertTrue(Files.exists(out.resolve("lifecycle/it-exp-media.json")));
        assertTrue(Files.exists(out.resolve("cors/it-exp-media.json")));
        assertTrue(Files.exists(out.resolve("policies/bucket-it-exp-media.json")));
        String yaml = Files.readString(out.resolve("profile.yaml"));
        assertContains(yaml, "  it-exp-logs:\n");
        assertContains(yaml, "    cors: \"none\"\n");

        CliRun validate = CliRun.run(ENV, "validate", "-p", out.resolve("profile.yaml").toString());
        assertEquals(0, validate.exit(), validate.all());
        CliRun plan = CliRun.run(ENV, "plan", "-p", out.resolve("profile.yaml").toString(), "--detailed-exitcode");
        assertEquals(0, plan.exit(), plan.all() + "\n" + yaml);
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
    }

    @Test
    void export_unrepresentableLifecycle_leftOutWithWarning(URI endpoint, OSS oss) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(profile, PlanApplyIT.profile(endpoint, "  it-exp-sized:\n    acl: private\n"), StandardCharsets.UTF_8);
        assertEquals(0, CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve").exit());
        LifecycleRule sized = new LifecycleRule("big", "logs/", LifecycleRule.RuleStatus.Enabled, 30);
        LifecycleFilter filter = new LifecycleFilter();
        filter.setObjectSizeGreaterThan(1024L);
        sized.setFilter(filter);
        SetBucketLifecycleRequest request = new SetBucketLifecycleRequest("it-exp-sized");
        request.AddLifecycleRule(sized);
        oss.setBucketLifecycle(request);
        Path out = dir.resolve("sized");

        CliRun export = CliRun.run(ENV, "export", "-p", profile.toString(), "--buckets", "it-exp-sized", "--out", out.toString());

        assertEquals(0, export.exit(), export.all());
        assertContains(export.err(), "warning: it-exp-sized.lifecycle left out: lifecycle rule big filters by object size, which a profile cannot express\n");
        assertFalse(Files.readString(out.resolve("profile.yaml")).contains("lifecycle"));
        assertEquals(0, CliRun.run(ENV, "plan", "-p", out.resolve("profile.yaml").toString(), "--detailed-exitcode").exit());
    }

    @Test
    void export_missingBucket_writesNothing(URI endpoint) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(profile, PlanApplyIT.profile(endpoint, "  it-exp-x:\n    acl: private\n"), StandardCharsets.UTF_8);
        Path out = dir.resolve("none");

        CliRun export = CliRun.run(ENV, "export", "-p", profile.toString(), "--buckets", "it-exp-missing", "--out", out.toString());

        assertEquals(1, export.exit(), export.all());
        assertEquals("error: bucket it-exp-missing does not exist\nerror: nothing was written\n", export.err());
        assertFalse(Files.exists(out));
    }
}
