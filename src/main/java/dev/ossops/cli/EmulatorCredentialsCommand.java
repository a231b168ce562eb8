package dev.ossops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ossops emulator credentials}: the root AccessKey pair of an emulator data dir, for scripts:
 * shell exports of the variables ossops's {@code env} credential source reads, or JSON.
 */
@Command(
        name = "credentials",
        mixinStandardHelpOptions = true,
        description = {
            "Print the root credentials of an emulator data dir: as shell exports (eval \"$(ossops emulator credentials)\")"
                    + " or as JSON. They sign anything on the emulator: keep them out of logs."
        })
final class EmulatorCredentialsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EmulatorDataDirOption dataDir;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "env",
            description = "env or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("env") && !format.equals("json")) {
            throw new BaseCommand.InvalidValue(
                    spec.commandLine(), "--format must be env or json, was '" + format + "'");
        }
        Path data = dataDir.path();
        RootKey key = RootKeyFile.read(data).orElse(null);
        if (key == null) {
            err.println("error: " + data + " has no emulator credentials yet (" + RootKeyFile.of(data)
                    + "); they are created when an emulator first serves it: ossops emulator --data-dir " + data);
            return ExitCodes.ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            Map<String, String> json = new LinkedHashMap<>();
            json.put("accessKeyId", key.id());
            json.put("accessKeySecret", key.secret());
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } else {
            out.println("export ALIBABA_CLOUD_ACCESS_KEY_ID=" + shellQuoted(key.id()));
            out.println("export ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + shellQuoted(key.secret()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Single-quoted for POSIX shells: a fixed secret may hold any visible character. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
