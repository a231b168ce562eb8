package dev.ossops.cli;

import dev.ossops.spec.schema.JsonSchemaGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ossops schema}: the JSON Schema of the profile format, generated from the same shapes validation uses. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the profile format, for editors and CI.")
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JsonSchemaGenerator.profileSchemaText());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
