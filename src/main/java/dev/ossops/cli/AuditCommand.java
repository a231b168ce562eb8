package dev.ossops.cli;

import dev.ossops.audit.AuditOutcome;
import dev.ossops.audit.AuditReport;
import dev.ossops.audit.Auditor;
import dev.ossops.audit.FailOn;
import dev.ossops.audit.Fixes;
import dev.ossops.audit.Suppressions;
import dev.ossops.audit.SuppressionsException;
import dev.ossops.audit.checks.Checks;
import dev.ossops.audit.collect.AuditScope;
import dev.ossops.audit.collect.LiveCollector;
import dev.ossops.audit.collect.ProfileLocations;
import dev.ossops.audit.report.JsonReporter;
import dev.ossops.audit.report.SarifReporter;
import dev.ossops.audit.report.TextReporter;
import dev.ossops.cloud.CloudException;
import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;
import dev.ossops.upload.LocalNames;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code ossops audit}: reads the account's live state and reports security and hygiene findings. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audit the account's buckets, RAM policies and CDN domains for public access and missing safeguards.",
            "With -p PROFILE, where and as whom the profile says; without, --region REGION and the default credentials"
                    + " (every bucket they can list, RAM and CDN as far as they can read).",
            "Exit 0: nothing at or above --fail-on; 3: findings at or above it; 1: error or unknown results."
        })
final class AuditCommand extends BaseCommand {
    /** Reads run this many at a time. */
    static final int READ_PARALLELISM = 8;

    /** How the report is printed. */
    enum Format {
        text,
        json,
        sarif
    }

    /** -p PROFILE (its uploader section and access assertions are audited too), or --region [--endpoint]. */
    @Mixin
    AccountOptions account;

    @Option(
            names = "--buckets",
            split = ",",
            // One label, not NAME[,NAME...], which usage help would split across lines at the comma.
            paramLabel = "NAMES",
            hideParamSyntax = true,
            description = "Audit only these buckets, comma-separated (default: every bucket of the account).")
    @Nullable
    List<String> buckets;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = "--fail-on",
            defaultValue = "high",
            paramLabel = "SEVERITY",
            description =
                    "Exit 3 when a finding is at or above: critical, high, medium, low or none (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(
            names = "--ignore-file",
            paramLabel = "FILE",
            description = "Suppressions (check, resource, reason, expires).")
    @Nullable
    Path ignoreFile;

    @Option(
            names = "--objects",
            defaultValue = "100",
            paramLabel = "N",
            description = "Read the ACLs of at most N objects per bucket (default: ${DEFAULT-VALUE}; 0 reads none).")
    int objects;

    @Option(
            names = "--fix",
            paramLabel = "DIR",
            description = "Write profile fixes for the findings into DIR, for review and `ossops plan`.")
    @Nullable
    Path fixDir;

    @Option(names = "--force", description = "With --fix, overwrite files that already exist in DIR.")
    boolean force;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    @Nullable
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliEnvironment env = env();
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        Optional<FailOn> threshold = FailOn.parse(failOn);
        if (threshold.isEmpty()) {
            throw invalid("--fail-on must be one of critical, high, medium, low, none; got " + failOn);
        }
        if (objects < 0) {
            throw invalid("--objects must be 0 or more, got " + objects);
        }
        Suppressions suppressions;
        try {
            suppressions = ignoreFile == null
                    ? Suppressions.none()
                    : Suppressions.parse(ignoreFile.toString(), Files.readString(ignoreFile, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            stderr.println("error: the ignore file " + ignoreFile + " does not exist");
            return ExitCodes.ERROR;
        } catch (SuppressionsException e) {
            stderr.println("error: " + ignoreFile + " is not a valid ignore file:");
            e.problems().forEach(p -> stderr.println("  " + p));
            return ExitCodes.ERROR;
        }
        // Human-readable lines go to stderr whenever stdout carries a document.
        PrintWriter info = format == Format.text && out == null ? stdout : stderr;
        try (ProfileSession session = account.open("audit", env, READ_PARALLELISM)) {
            session.connection().forEach(info::println);
            info.println();
            // One error naming a rejected key and its source, rather than one unknown result per resource.
            session.caller();
            Path profile = account.profile;
            AuditScope scope = new AuditScope(
                    session.profile().region(),
                    Optional.ofNullable(buckets),
                    objects,
                    session.profile().uploader(),
                    Optional.ofNullable(profile).map(Path::toString),
                    profile == null
                            ? Map.of()
                            : ProfileLocations.of(
                                    profile.toString(), Files.readString(profile, StandardCharsets.UTF_8)));
            String callerKeyId = session.target().credentials().resolve().accessKeyId();
            LiveCollector.Collected collected =
                    session.collector(READ_PARALLELISM).collect(scope, callerKeyId);
            collected.warnings().forEach(w -> stderr.println("warning: " + w));
            AuditReport report = new Auditor(Checks.all())
                    .run(
                            collected.snapshot().withAccess(session.profile().access()),
                            suppressions,
                            LocalDate.now(env.clock()));
            String rendered = render(report, env);
            if (out == null) {
                stdout.print(rendered);
            } else {
                Files.writeString(out, rendered, StandardCharsets.UTF_8);
                info.println("Wrote the " + format + " report to " + out);
            }
            if (fixDir != null) {
                writeFixes(Fixes.from(report.findings()), fixDir, info);
            }
            stdout.flush();
            return exitCode(report.outcome(threshold.get()));
        } catch (ProfileSession.ProfileException | FixException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        } catch (CloudException e) {
            // Without the bucket list there is nothing to audit.
            stderr.println("error: cannot list the account's buckets: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private String render(AuditReport report, CliEnvironment env) {
        String version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                .orElse("development");
        return switch (format) {
            case json -> new JsonReporter(version).render(report);
            case sarif -> new SarifReporter(version).render(report);
            case text ->
                colour(
                        new TextReporter().render(report),
                        Terminal.detect(root.noColor, env.variables(), env.interactive()));
        };
    }

    /** Severity headings in colour: red for critical and high, yellow for medium. */
    private static String colour(String text, Terminal terminal) {
        if (!terminal.colour()) {
            return text;
        }
        return text.lines()
                .map(line -> line.startsWith("CRITICAL (") || line.startsWith("HIGH (")
                        ? terminal.red(line)
                        : line.startsWith("MEDIUM (") ? terminal.yellow(line) : line)
                .collect(Collectors.joining("\n", "", text.endsWith("\n") ? "\n" : ""));
    }

    /** Writes every file or none: existing files are refused before anything is written, unless --force. */
    private void writeFixes(Fixes.FixSet fixes, Path fixDir, PrintWriter info) throws IOException {
        if (fixes.files().isEmpty()) {
            info.println("No fixes to write: there are no findings.");
            return;
        }
        fixes.files().keySet().forEach(file -> fixPath(fixDir, file));
        List<Path> existing = fixes.files().keySet().stream()
                .map(fixDir::resolve)
                .filter(Files::exists)
                .toList();
        if (!existing.isEmpty() && !force) {
            throw new FixException("--fix would overwrite "
                    + existing.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "; remove them or add --force");
        }
        Files.createDirectories(fixDir);
        for (var file : fixes.files().entrySet()) {
            Path path = fixDir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            info.println("Wrote " + path);
        }
        info.println(fixes.fixed().size() + " findings fixed in " + fixDir.resolve(Fixes.PROFILE_FRAGMENT) + ", "
                + fixes.manual().size() + " left for manual review; check them, then run ossops plan");
    }

    /**
     * Where a fix file goes: its path is made of live names (a bucket's HTTPS policy is {@code policies/<bucket>-...}),
     * so each segment must be a plain file name ({@link LocalNames}) and the whole must stay under {@code fixDir}.
     */
    static Path fixPath(Path fixDir, String file) {
        for (String segment : file.split("/", -1)) {
            LocalNames.problem(segment).ifPresent(problem -> {
                throw new FixException("refusing to write fix file '" + LocalNames.printable(file) + "': " + problem);
            });
        }
        return fixDir.resolve(file);
    }

    static int exitCode(AuditOutcome outcome) {
        return switch (outcome) {
            case PASSED -> ExitCodes.OK;
            case INCOMPLETE -> ExitCodes.ERROR;
            case FINDINGS -> ExitCodes.FINDINGS;
        };
    }

    /** --fix cannot write its files. */
    static final class FixException extends OssopsException {
        FixException(String message) {
            super(ErrorCode.AUDIT_FIX_UNWRITABLE, message);
        }
    }
}
