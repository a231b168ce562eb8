package dev.ossops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code ossops emulator credentials}: a data dir's root key for scripts. */
class EmulatorCredentialsCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void credentials_envFormat_areShellExportsOfTheEnvSourcesVariables() {
        RootKeyFile.write(dataDir, new RootKey("LTAI5tExportedForScripts", "it's$a`secret\""));
        CliRun run = CliRun.run(Map.of(), "emulator", "credentials", "--data-dir", dataDir.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(
                "export ALIBABA_CLOUD_ACCESS_KEY_ID='LTAI5tExportedForScripts'\n"
                        + "export ALIBABA_CLOUD_ACCESS_KEY_SECRET='it'\\''s$a`secret\"'\n",
                run.out());
        assertEquals("", run.err());
    }

    @Test
    void credentials_jsonFormat_namesBothHalves() throws Exception {
        RootKeyFile.write(dataDir, new RootKey("LTAI5tExportedForScripts", "json-secret"));
        CliRun run =
                CliRun.run(Map.of(), "emulator", "credentials", "--data-dir", dataDir.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("LTAI5tExportedForScripts", json.get("accessKeyId").asText());
        assertEquals("json-secret", json.get("accessKeySecret").asText());
    }

    @Test
    void credentials_dataDirWithoutThem_saysHowTheyComeToBe() {
        Path missing = dataDir.resolve("never-served");
        CliRun run = CliRun.run(Map.of(), "emulator", "credentials", "--data-dir", missing.toString());
        assertEquals(1, run.exit());
        assertEquals(
                "error: " + missing + " has no emulator credentials yet (" + missing.resolve("credentials.json")
                        + "); they are created when an emulator first serves it: ossops emulator --data-dir " + missing
                        + "\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void credentials_unknownFormat_isRefused() {
        RootKeyFile.write(dataDir, new RootKey("LTAI5tExportedForScripts", "x"));
        CliRun run =
                CliRun.run(Map.of(), "emulator", "credentials", "--data-dir", dataDir.toString(), "--format", "yaml");
        assertEquals(1, run.exit());
        assertEquals("error: --format must be env or json, was 'yaml'\n", run.err());
    }
}
