package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code ossops serve} refuses before it listens on anything. */
class ServeCommandTest {
    private static final String PROFILE = "apiVersion: ossops/v1\nkind: Profile\nname: t\nregion: cn-hangzhou\n"
            + "endpoint: http://127.0.0.1:9\nuploader: {bucket: media}\n";

    @TempDir
    Path dir;

    private CliRun serve(String profileBody, Map<String, String> env, String... extra) throws IOException {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, PROFILE + profileBody);
        String[] args = new String[3 + extra.length];
        args[0] = "serve";
        args[1] = "-p";
        args[2] = file.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.run(env, args);
    }

    @Test
    void serve_profileWithoutServeSection_exits1() throws IOException {
        CliRun r = serve("", Map.of());
        assertEquals(1, r.exit());
        assertEquals("error: the profile has no serve: section\n", r.err());
    }

    @Test
    void serve_apiKeyVariableUnset_exits1NamingIt() throws IOException {
        CliRun r = serve("serve:\n  apiKeys:\n    alice: {env: SERVE_KEY_ALICE}\n", Map.of());
        assertEquals(1, r.exit());
        assertEquals("error: API key of principal 'alice': environment variable SERVE_KEY_ALICE is not set\n", r.err());
    }

    @Test
    void serve_badPortOrAddress_exits1() throws IOException {
        String section = "serve:\n  apiKeys:\n    alice: {env: K}\n";
        assertEquals(
                "error: --port must be between 0 and 65535, got 70000\n",
                serve(section, Map.of("K", "0123456789abcdef0"), "--port", "70000")
                        .err());
        assertEquals(
                "error: --bind must be an IP address such as 127.0.0.1 or ::1, got 'example.com'\n",
                serve(section, Map.of("K", "0123456789abcdef0"), "--bind", "example.com")
                        .err());
    }
}
