package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CannedAccessControlList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static dev.ossops.cli.CliRun.assertContains;
import static dev.ossops.cli.PlanApplyIT.ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trips of the first hour: what export and audit --fix write from live state is a profile (or a part of
 * one) that {@code validate} accepts, and the export plans to zero changes. {@link GeneratedDocumentsTest} covers the
 * generators that need no live state.
 */
@ExtendWith(EmulatorExtension.class)
class RoundTripIT {
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    /** The README's sequence, on a copy of the repository's profiles: apply local.yaml, export it with RAM and CDN, plan the export. */
    @Test
    void exportRamAndCdn_localProfileWithGeneratedPolicy_validatesAndPlansToZeroChanges() throws IOException {
        for (String tree : new String[] {"profiles", "cors", "lifecycle", "policies"}) {
            copyTree(Path.of(tree), dir.resolve(tree));
        }
        String local = dir.resolve("profiles/local.yaml").toString();
        CliRun apply = CliRun.run(Map.of(), "apply", "-p", local, "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());
        Path adopted = dir.resolve("adopted");

        CliRun export = CliRun.run(Map.of(), "export", "-p", local, "--ram", "--cdn", "--out", adopted.toString());
        CliRun validate = CliRun.run(
                Map.of(), "validate", "-p", adopted.resolve("profile.yaml").toString());
        CliRun plan = CliRun.run(
                Map.of(), "plan", "-p", adopted.resolve("profile.yaml").toString(), "--detailed-exitcode");

        assertEquals(0, export.exit(), export.all());
        assertEquals(0, validate.exit(), validate.all());
        assertEquals(adopted.resolve("profile.yaml") + ": valid\n", validate.out());
        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
    }

    /** Every fix audit --fix writes, merged into the export of the same account as its header says, validates. */
    @Test
    void auditFix_mergedIntoTheExport_validates(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("it-rt-open");
        oss.setBucketAcl("it-rt-open", CannedAccessControlList.PublicRead);
        oss.createBucket("it-rt-plain");
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile,
                PlanApplyIT.profile(endpoint, "  it-rt-open: {}\n  it-rt-plain: {}\n"),
                StandardCharsets.UTF_8);
        Path fixes = dir.resolve("fixes");
        Path account = dir.resolve("account");

        CliRun audit = CliRun.run(
                ENV,
                "audit",
                "-p",
                profile.toString(),
                "--buckets",
                "it-rt-open,it-rt-plain",
                "--fix",
                fixes.toString());
        CliRun export = CliRun.run(
                ENV,
                "export",
                "-p",
                profile.toString(),
                "--buckets",
                "it-rt-open,it-rt-plain",
                "--out",
                account.toString());
        assertEquals(3, audit.exit(), audit.all());
        assertEquals(0, export.exit(), export.all());
        ObjectNode merged =
                (ObjectNode) YAML.readTree(account.resolve("profile.yaml").toFile());
        merge(merged, YAML.readTree(fixes.resolve("ossops-fixes.yaml").toFile()));
        copyTree(fixes.resolve("policies"), account.resolve("policies"));
        copyTree(fixes.resolve("lifecycle"), account.resolve("lifecycle"));
        Path fixed = account.resolve("fixed.yaml");
        YAML.writeValue(fixed.toFile(), merged);

        CliRun validate = CliRun.run(Map.of(), "validate", "-p", fixed.toString());

        assertEquals(0, validate.exit(), validate.all() + "\n" + Files.readString(fixed));
        assertContains(Files.readString(fixed), "policies/it-rt-plain-https-only.json");
    }

    /** The fragment's maps merge key by key; its lists (lifecycle documents to add) extend the export's. */
    private static void merge(ObjectNode into, JsonNode fragment) {
        for (Map.Entry<String, JsonNode> entry : fragment.properties()) {
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else if (existing instanceof ArrayNode list && entry.getValue().isArray()) {
                entry.getValue().forEach(list::add);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
