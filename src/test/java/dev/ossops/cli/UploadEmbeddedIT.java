package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A profile with {@code endpoint: embedded}: the commands start the in-process emulator on the profile's data dir. */
class UploadEmbeddedIT {
    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of());
    }

    @Test
    void uploadThenGet_embeddedEndpoint_roundTripsThroughTheProfileDataDir() throws Exception {
        Path data = dir.resolve(".ossops/emulator");
        try (Emulator emulator = new Emulator(EmulatorConfig.builder()
                        .port(0)
                        .dataDir(data)
                        .region("cn-shanghai")
                        .build())
                .start()) {
            OSS oss = new OSSClientBuilder()
                    .build(
                            emulator.endpoint().toString(),
                            new DefaultCredentialProvider(
                                    emulator.rootKey().id(), emulator.rootKey().secret()),
                            null);
            oss.createBucket("local-media");
            oss.shutdown();
        }
        Path profile = Files.writeString(dir.resolve("local.yaml"), """
                apiVersion: ossops/v1
                kind: Profile
                name: local
                region: cn-shanghai
                endpoint: embedded
                uploader:
                  bucket: local-media
                  prefix: uploads
                  dirMode: yyyy_mm_dd_combined
                """);
        Path file = Files.write(dir.resolve("hello.txt"), "hello embedded".getBytes());

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = run(
                out,
                err,
                "upload",
                "-p",
                profile.toString(),
                file.toString(),
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString());
        assertEquals(0, exit, err.toString());
        JsonNode line = new ObjectMapper().readTree(out.toString());
        String key = line.get("key").asText();
        assertEquals(true, key.matches("uploads/\\d{8}/hello\\.txt"), key);

        StringWriter got = new StringWriter();
        StringWriter gotErr = new StringWriter();
        assertEquals(
                0,
                run(
                        got,
                        gotErr,
                        "get",
                        "-p",
                        profile.toString(),
                        "oss://local-media/" + key,
                        "-o",
                        dir.resolve("out").toString(),
                        "--quiet"),
                gotErr.toString());
        assertArrayEquals("hello embedded".getBytes(), Files.readAllBytes(dir.resolve("out/hello.txt")));
    }
}
