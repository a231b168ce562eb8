package dev.ossops.cli;

import dev.ossops.common.ErrorCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code ossops} root command: global options and the list of subcommands. */
@Command(
        name = "ossops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Declarative plan/apply, audit, uploader and local emulator for Alibaba Cloud OSS.")
public final class Main {
    /**
     * The subcommands in the order help lists them. They are registered in {@link #newCommandLine}
     * rather than in {@code @Command(subcommands)}: picocli reflects over every registered command
     * (options, mixins, field types) when the command line is built, and a run needs one of them.
     */
    static final List<String> SUBCOMMANDS = List.of(
            "help",
            "validate",
            "schema",
            "emulator",
            "plan",
            "apply",
            "export",
            "upload",
            "presign",
            "sts-token",
            "post-policy",
            "serve",
            "get",
            "policy",
            "audit",
            "completion");

    private static final Set<String> VERSION_RUN = Set.of("-V", "--version", "--stacktrace", "--no-color");

    @Option(
            names = "--stacktrace",
            description = "Print the stack trace of an unexpected error.",
            scope = CommandLine.ScopeType.INHERIT)
    boolean stacktrace;

    @Option(
            names = "--no-color",
            description = "Never colour output (also off when NO_COLOR is set, in CI, or not on a terminal).",
            scope = CommandLine.ScopeType.INHERIT)
    boolean noColor;

    /** The process environment, or what a test passes to {@link #run(String[], PrintWriter, PrintWriter, CliEnvironment)}. */
    final CliEnvironment environment;

    private Main(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // What bypasses picocli's writer (a dying thread's stack trace) is redacted too.
        System.setErr(RedactingWriter.printStream(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)));
        System.exit(run(
                args,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
    }

    /** Runs ossops with the given streams; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CliEnvironment.system());
    }

    /** Runs ossops with the given streams and environment variables, as a non-interactive process would. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> variables) {
        return run(args, out, err, CliEnvironment.nonInteractive(variables));
    }

    /** Runs ossops with the given streams and environment (variables, terminal, input, clock). */
    static int run(String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
        CommandLine cli = newCommandLine(out, err, environment, subcommandsFor(args));
        try {
            return cli.execute(args);
        } finally {
            cli.getErr().flush(); // the redacting writer holds a last line that did not end in a line break
        }
    }

    /**
     * The subcommands a run of {@code args} can reach: the one it names; none for a bare
     * {@code --version}; all of them for anything else (help, usage errors and their suggestions
     * list every subcommand, so those runs see exactly the full command tree).
     */
    static List<String> subcommandsFor(String[] args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("--")) {
                return SUBCOMMANDS;
            }
            if (!arg.startsWith("-")) {
                return SUBCOMMANDS.contains(arg) && !arg.equals("help") ? List.of(arg) : SUBCOMMANDS;
            }
            if (!VERSION_RUN.contains(arg)) {
                return SUBCOMMANDS;
            }
            version |= arg.equals("-V") || arg.equals("--version");
        }
        return version ? List.of() : SUBCOMMANDS;
    }

    static Object subcommand(String name) {
        return switch (name) {
            case "help" -> new CommandLine.HelpCommand();
            case "validate" -> new ValidateCommand();
            case "schema" -> new SchemaCommand();
            case "emulator" -> new EmulatorCommand();
            case "plan" -> new PlanCommand();
            case "apply" -> new ApplyCommand();
            case "export" -> new ExportCommand();
            case "upload" -> new UploadCommand();
            case "presign" -> new PresignCommand();
            case "sts-token" -> new StsTokenCommand();
            case "post-policy" -> new PostPolicyCommand();
            case "serve" -> new ServeCommand();
            case "get" -> new GetCommand();
            case "policy" -> new PolicyCommand();
            case "audit" -> new AuditCommand();
            case "completion" -> new CompletionCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    static CommandLine newCommandLine(
            PrintWriter out, PrintWriter err, CliEnvironment environment, List<String> subcommands) {
        CommandLine cli = new CommandLine(new Main(environment));
        // Before the settings below: picocli hands them only to the subcommands present.
        for (String name : subcommands) {
            cli.addSubcommand(name, subcommand(name));
        }
        cli.setOut(out);
        // Results (presigned URLs, post-policy fields, STS credentials) are stdout's; nothing on stderr carries a
        // secret.
        cli.setErr(new PrintWriter(new RedactingWriter(err), true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli;
    }

    /**
     * Errors of a command: one line that says what and why ({@link Failures}); the stack trace only with --stacktrace,
     * which is suggested only for an unexpected error (code {@link ErrorCode#INTERNAL}), never for an input, cloud,
     * credentials or conflict error.
     */
    private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            return report(ex, cmd.getErr(), stacktraceRequested(parseResult));
        }
    }

    /** Prints {@code failure} as {@link ErrorHandler} does and returns the exit status. */
    static int report(Throwable failure, PrintWriter err, boolean stacktrace) {
        Optional<String> explained = Failures.explain(failure);
        err.println("error: "
                + explained.orElseGet(() ->
                        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage()));
        if (stacktrace) {
            failure.printStackTrace(err);
        } else if (explained.isEmpty()) {
            err.println("(run with --stacktrace for details)");
        }
        err.flush();
        return ExitCodes.of(Failures.code(failure).category());
    }

    /** Whether --stacktrace was given anywhere on the command line: before the subcommand or after it (it is inherited). */
    static boolean stacktraceRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bad command lines: the problem and a pointer to help, exit 1 like every other error. A value a command rejects
     * once parsing is done ({@link BaseCommand.InvalidValue}) already names its option and what it takes: one line.
     */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + ex.getMessage());
            if (ex instanceof BaseCommand.InvalidValue) {
                err.flush();
                return ExitCodes.ERROR;
            }
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.of(ErrorCode.USAGE.category());
        }
    }
}
