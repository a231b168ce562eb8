package dev.ossops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The {@code ossops} root command: global options and the list of subcommands. */
@Command(
        name = "ossops",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Declarative plan/apply, audit, uploader and local emulator for Alibaba Cloud OSS.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ValidateCommand.class,
                SchemaCommand.class,
                EmulatorCommand.class,
                PlanCommand.class,
                ApplyCommand.class,
                ExportCommand.class,
                UploadCommand.class,
                PresignCommand.class,
                StsTokenCommand.class,
                PostPolicyCommand.class,
                ServeCommand.class,
                GetCommand.class,
                PolicyCommand.class,
                AuditCommand.class,
        })
public final class Main {

    @Option(names = "--stacktrace", description = "Print the stack trace of an unexpected error.", scope = CommandLine.ScopeType.INHERIT)
    boolean stacktrace;

    @Option(names = "--no-color", description = "Never colour output (also off when NO_COLOR is set, in CI, or not on a terminal).",
            scope = CommandLine.ScopeType.INHERIT)
    boolean noColor;

    /** The process environment, or what a test passes to {@link #run(String[], PrintWriter, PrintWriter, CliEnvironment)}. */
    CliEnvironment environment;

    public static void main(String[] args) {
        // What bypasses picocli's writer (a dying thread's stack trace) is redacted too.
        System.setErr(RedactingWriter.printStream(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8)));
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
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
        CommandLine cli = newCommandLine(out, err, environment);
        try {
            return cli.execute(args);
        } finally {
            cli.getErr().flush(); // the redacting writer holds a last line that did not end in a line break
        }
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, CliEnvironment.system());
    }

    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, CliEnvironment environment) {
        Main root = new Main();
        root.environment = environment;
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        // Results (presigned URLs, post-policy fields, STS credentials) are stdout's; nothing on stderr carries a secret.
        cli.setErr(new PrintWriter(new RedactingWriter(err), true));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli;
    }

    /**
     * Errors of a command: one line that says what and why ({@link Failures}); the stack trace only with --stacktrace,
     * which is suggested only for an unexpected error (one ossops has no explanation for).
     */
    private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            Optional<String> explained = Failures.explain(ex);
            err.println("error: " + explained.orElseGet(() -> ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            if (stacktraceRequested(parseResult)) {
                ex.printStackTrace(err);
            } else if (explained.isEmpty()) {
                err.println("(run with --stacktrace for details)");
            }
            err.flush();
            return ExitCodes.ERROR;
        }
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

    /** Bad command lines: the problem and a pointer to help, exit 1 like every other error. */
    private static final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.ERROR;
        }
    }
}
