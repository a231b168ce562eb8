package dev.ossops.cli;

import dev.ossops.emulator.datadir.ServingRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ossops emulator endpoint}: where the emulator serving a data dir listens, for scripts
 * ({@code curl "$(ossops emulator endpoint)/..."}). Read from {@code emulator.json}, and believed only
 * while the process that wrote it is alive: a record a killed emulator left names no endpoint.
 */
@Command(
        name = "endpoint",
        mixinStandardHelpOptions = true,
        description = {"Print the endpoint (http://127.0.0.1:PORT) of the emulator serving a data dir."})
final class EmulatorEndpointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EmulatorDataDirOption dataDir;

    @Override
    public Integer call() {
        Path data = dataDir.path();
        Optional<URI> endpoint = ServingRecord.read(data)
                .filter(r ->
                        ProcessHandle.of(r.pid()).map(ProcessHandle::isAlive).orElse(false))
                .flatMap(ServingRecord::endpoint);
        if (endpoint.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: no emulator serves " + data + " now; start one: ossops emulator --data-dir " + data);
            err.flush();
            return ExitCodes.ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(endpoint.get());
        out.flush();
        return ExitCodes.OK;
    }
}
