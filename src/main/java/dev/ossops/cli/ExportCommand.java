package dev.ossops.cli;

import dev.ossops.apply.export.Export;
import dev.ossops.apply.export.ExportTargetException;
import dev.ossops.apply.export.ProfileWriter;
import dev.ossops.cloud.CloudException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code ossops export}: writes live bucket configuration (and with --ram / --cdn the account's RAM entities and CDN
 * domains) as a profile plus the lifecycle, CORS and policy documents it references.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the live configuration of buckets as a profile and the documents it references.",
            "DIR/profile.yaml names the lifecycle, CORS and policy files written beside it.",
            "The profile given with -p says where and as whom to read; without it, --region REGION and the default"
                    + " credentials. Exit 0 when written, 1 on any read error (nothing is written then).",
            "The output directory must be empty or absent unless --force."
        })
final class ExportCommand extends BaseCommand {

    /** -p PROFILE, or --region [--endpoint] with the default credentials. */
    @Mixin
    AccountOptions account;

    @Option(
            names = "--buckets",
            split = ",",
            // One label, not NAME[,NAME...], which usage help would split across lines at the comma.
            paramLabel = "NAMES",
            hideParamSyntax = true,
            description = "Export only these buckets, comma-separated (default: every bucket of the account).")
    @Nullable
    List<String> buckets;

    @Option(
            names = "--ram",
            description = "Also export every custom RAM policy, role and user, with their attached policies.")
    boolean ram;

    @Option(
            names = "--cdn",
            description = "Also export every CDN domain: origin, private OSS access, HTTPS and cache TTL rules.")
    boolean cdn;

    @Option(
            names = "--out",
            defaultValue = "ossops-export",
            paramLabel = "DIR",
            description = "Directory to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = {"-f", "--force"},
            description = "Write into a non-empty DIR: a previous export's profile.yaml, cors/, lifecycle/ and "
                    + "policies/ are deleted first (other files are kept).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        ProfileWriter writer = new ProfileWriter();
        try {
            writer.checkTarget(out, force);
        } catch (ExportTargetException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        try (ProfileSession session = account.open("export", env(), PlanCommand.READ_PARALLELISM)) {
            session.header().forEach(stdout::println);
            session.caller();
            Export export = session.export(Optional.ofNullable(buckets), ram, cdn);
            export.warnings().forEach(w -> stderr.println("warning: " + w));
            if (!export.errors().isEmpty()) {
                export.errors().forEach(e -> stderr.println("error: " + e));
                stderr.println("error: nothing was written");
                return ExitCodes.ERROR;
            }
            for (Path written : writer.write(export, out, force)) {
                stdout.println("wrote " + written);
            }
            return ExitCodes.OK;
        } catch (ProfileSession.ProfileException | CloudException | ExportTargetException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
