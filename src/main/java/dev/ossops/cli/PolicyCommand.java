package dev.ossops.cli;

import dev.ossops.upload.MinimalPolicy;
import dev.ossops.upload.UploaderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ossops policy}: generated RAM policies. */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Generate RAM policies.",
        subcommands = PolicyCommand.Minimal.class)
final class PolicyCommand {
    @ParentCommand
    Main root;

    /** {@code ossops policy minimal --for uploader}: the least-privilege policy for the profile's uploader. */
    @Command(
            name = "minimal",
            mixinStandardHelpOptions = true,
            description = "Print the least-privilege RAM policy (JSON) for a component of the profile.")
    static final class Minimal implements Callable<Integer> {
        @ParentCommand
        PolicyCommand policy;

        @Spec
        CommandSpec spec;

        @Mixin
        SessionOptions session;

        @Option(names = "--for", required = true, paramLabel = "COMPONENT", description = "The component: uploader.")
        String component;

        @Override
        public Integer call() {
            if (!component.equals("uploader")) {
                throw new ParameterException(
                        spec.commandLine(), "--for supports uploader only, got '" + component + "'");
            }
            try (UploaderSession s = session.open(policy.root.environment.variables())) {
                UploaderSettings settings = s.settings();
                PrintWriter out = spec.commandLine().getOut();
                out.println(MinimalPolicy.forUploader(settings.bucket(), settings.prefix(), MinimalPolicy.Needs.all()));
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
