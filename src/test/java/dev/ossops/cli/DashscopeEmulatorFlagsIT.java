package dev.ossops.cli;

import dev.ossops.emulator.dashscope.DashscopeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops emulator --dashscope-api-key --dashscope-qps}, then {@code ossops upload --to dashscope} against it. */
class DashscopeEmulatorFlagsIT {
    private static final String KEY = "sk-flag-key-00001234";

    @Test
    void emulatorCommand_dashscopeFlags_replaceDefaultKeyAndSetQuota(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Thread command = new Thread(
                () -> Main.run(
                        new String[] {
                            "emulator",
                            "--port",
                            "0",
                            "--data-dir",
                            dir.resolve("data").toString(),
                            "--dashscope-api-key",
                            KEY,
                            "--dashscope-qps",
                            "1"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true)),
                "dashscope-flags-emulator");
        command.start();
        try {
            URI endpoint = awaitEndpoint(out);
            Path file = Files.writeString(dir.resolve("cat.png"), "cat");

            CliRun upload = CliRun.run(
                    Map.of("DASHSCOPE_API_KEY", KEY),
                    "upload",
                    "--to",
                    "dashscope",
                    "--model",
                    "qwen-vl-plus",
                    "--dashscope-endpoint",
                    endpoint.toString(),
                    file.toString());
            List<Integer> burst = List.of(getPolicy(endpoint, KEY), getPolicy(endpoint, KEY), getPolicy(endpoint, KEY));
            int defaultKey = getPolicy(endpoint, DashscopeConfig.DEFAULT_API_KEY);

            assertEquals(0, upload.exit(), upload.all());
            assertFalse(upload.all().contains(KEY));
            // Three requests well within a second span at most two windows of one request each.
            assertTrue(burst.contains(429), burst.toString());
            assertEquals(401, defaultKey);
        } finally {
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private static int getPolicy(URI endpoint, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(endpoint + "/api/v1/uploads?action=getPolicy&model=qwen-vl-plus"))
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static URI awaitEndpoint(StringWriter out) throws InterruptedException {
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the emulator did not start: " + out);
    }
}
