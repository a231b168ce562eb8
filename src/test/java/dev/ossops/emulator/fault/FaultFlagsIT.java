package dev.ossops.emulator.fault;

import dev.ossops.cli.Main;
import dev.ossops.emulator.ControlEndpoint;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops emulator --fault-*} starts with the plan in force, visible on the control endpoint. */
class FaultFlagsIT {

    @Test
    void emulatorCommand_faultFlags_areInForceFromTheStart(@TempDir Path dataDir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread command = new Thread(
                () -> Main.run(
                        new String[] {
                            "emulator",
                            "--port",
                            "0",
                            "--data-dir",
                            dataDir.toString(),
                            "--fault-latency-ms",
                            "5",
                            "--fault-503-rate",
                            "1",
                            "--fault-qps",
                            "50",
                            "--fault-seed",
                            "77",
                            "--fault-connection-bandwidth",
                            "24MiB",
                            "--fault-total-bandwidth",
                            "240MiB"
                        },
                        new PrintWriter(out, true),
                        new PrintWriter(err, true)),
                "fault-flags-emulator");
        command.start();
        try {
            URI endpoint = awaitEndpoint(out);
            RootKey key = RootKeyFile.read(dataDir).orElseThrow();
            HttpResponse<String> plan =
                    new ControlEndpoint(endpoint, key.id(), key.secret(), "cn-hangzhou").send("GET", "faults", null);
            assertEquals(
                    "{\"latencyMillis\":5,\"slowDownRate\":1.0,\"internalErrorRate\":0.0,\"qps\":50,\"resetRate\":0.0,\"seed\":77,"
                            + "\"connectionBytesPerSecond\":25165824,\"totalBytesPerSecond\":251658240}",
                    plan.body());
            HttpResponse<String> list = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint.resolve("/")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(503, list.statusCode());
            assertTrue(list.body().contains("<Code>SlowDown</Code>"), list.body());
        } finally {
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(30));
        }
        // Interrupting is the in-JVM stop (the command closes the emulator and reports the interrupt).
        assertTrue(!command.isAlive(), "the command did not stop");
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
