package dev.ossops.cli;

import dev.ossops.spec.schema.JsonSchemaGenerator;
import picocli.CommandLine.Command;

/** {@code ossops schema}: the JSON Schema of the profile format, generated from the same shapes validation uses. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the profile format, for editors and CI.")
final class SchemaCommand extends BaseCommand {

    @Override
    public Integer call() {
        out().print(JsonSchemaGenerator.profileSchemaText());
        out().flush();
        return ExitCodes.OK;
    }
}
