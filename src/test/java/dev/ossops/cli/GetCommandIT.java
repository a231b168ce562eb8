package dev.ossops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code ossops get} end to end: file names from hostile keys, existing files, and downloads without a profile. */
@ExtendWith(EmulatorExtension.class)
class GetCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final String bucket;

    GetCommandIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("get");
        clients.v4().createBucket(bucket);
    }

    private void put(String key, String content) {
        clients.v4().putObject(bucket, key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The emulator's root key in the ALIBABA_CLOUD_* variables and an empty home: no profile, no QWEN_TMP_OSS_*. */
    private Map<String, String> env() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", clients.keyId());
        env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", clients.secret());
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        return env;
    }

    private CliRun get(Map<String, String> env, String... args) {
        return CliRun.run(
                env,
                Stream.concat(Stream.of("get", "--endpoint", clients.endpoint().toString(), "--quiet"), Stream.of(args))
                        .toArray(String[]::new));
    }

    private static List<String> listing(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void get_keysThatAreNoSafeFileName_areRefusedNamingTheKeyAndNothingElseIsWritten() throws Exception {
        List<String> hostile = List.of("a\\..\\..\\x", "dl/..", "C:evil.exe", "nul\0.txt", "line\r\nforged: yes");
        put("dl/safe.txt", "safe");
        hostile.forEach(key -> put(key, "hostile"));
        Path out = dir.resolve("work/out");
        List<String> args = new java.util.ArrayList<>(
                hostile.stream().map(k -> "oss://" + bucket + "/" + k).toList());
        args.add("oss://" + bucket + "/dl/safe.txt");
        args.addAll(List.of("-o", out.toString()));

        CliRun r = get(env(), args.toArray(String[]::new));

        assertEquals(1, r.exit(), r.all());
        String b = "oss://" + bucket + "/";
        assertEquals(
                String.join(
                        "\n",
                        "error: " + b
                                + "a\\..\\..\\x: refusing to save it as 'a\\..\\..\\x': it contains '\\', a path separator; nothing was written",
                        "error: " + b
                                + "dl/..: refusing to save it as '..': '..' names a directory; nothing was written",
                        "error: " + b
                                + "C:evil.exe: refusing to save it as 'C:evil.exe': it contains ':', a drive or stream separator on Windows; "
                                + "nothing was written",
                        "error: " + b
                                + "nul\\x00.txt: refusing to save it as 'nul\\x00.txt': it contains the control character \\x00; nothing was written",
                        "error: " + b
                                + "line\\x0D\\x0Aforged: yes: refusing to save it as 'line\\x0D\\x0Aforged: yes': it contains the control "
                                + "character \\x0D; nothing was written",
                        ""),
                r.err());
        assertEquals(List.of("out/safe.txt"), listing(dir.resolve("work")));
        assertEquals("safe", Files.readString(out.resolve("safe.txt")));
    }

    @Test
    void get_existingFile_isKeptWithoutForceAndReplacedWithIt() throws Exception {
        put("doc/report.pdf", "new version");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report.pdf"), "my edits");

        CliRun kept = get(env(), "oss://" + bucket + "/doc/report.pdf", "-o", out.toString());

        assertEquals(1, kept.exit(), kept.all());
        assertEquals(
                "error: oss://" + bucket + "/doc/report.pdf: "
                        + out.toAbsolutePath().normalize().resolve("report.pdf")
                        + " already exists; pass --force to replace it\n",
                kept.err());
        assertEquals("my edits", Files.readString(out.resolve("report.pdf")));

        CliRun replaced = get(env(), "oss://" + bucket + "/doc/report.pdf", "-o", out.toString(), "--force");

        assertEquals(0, replaced.exit(), replaced.all());
        assertEquals("new version", Files.readString(out.resolve("report.pdf")));
    }

    @Test
    void get_symbolicLinkInTheOutputDirectory_isNeverWrittenThrough() throws Exception {
        put("doc/notes.txt", "downloaded");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(out.resolve("notes.txt"), victim);
        Files.createSymbolicLink(out.resolve("other.txt.ossops-partial"), victim);
        put("doc/other.txt", "downloaded");

        CliRun r = get(
                env(),
                "oss://" + bucket + "/doc/notes.txt",
                "oss://" + bucket + "/doc/other.txt",
                "-o",
                out.toString(),
                "-f");

        assertEquals(1, r.exit(), r.all());
        assertEquals(
                "error: oss://" + bucket + "/doc/other.txt: "
                        + out.toAbsolutePath().normalize().resolve("other.txt.ossops-partial")
                        + " is a symbolic link; ossops does not write through links: remove it\n",
                r.err());
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.isSymbolicLink(out.resolve("notes.txt")));
        assertEquals("downloaded", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void get_withoutProfile_usesTheEnvironmentAndTheBucketsLocation() throws Exception {
        put("a/photo.png", "png bytes");
        Path out = dir.resolve("out");

        CliRun r = get(env(), "oss://" + bucket + "/a/photo.png", "-o", out.toString());

        assertEquals(0, r.exit(), r.all());
        JsonNode line = JSON.readTree(r.out());
        assertEquals("oss://" + bucket + "/a/photo.png", line.get("url").asText());
        assertEquals(9, line.get("size").asLong());
        assertEquals("png bytes", Files.readString(out.resolve("photo.png")));
    }

    @Test
    void get_withoutProfileOrEnvironment_readsTheAliyunClisCurrentProfile() throws Exception {
        put("a/cli.txt", "via aliyun cli");
        Path home = Files.createDirectories(dir.resolve("cli-home"));
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(
                home.resolve(".aliyun/config.json"),
                "{\"current\": \"dev\", \"profiles\": [{\"name\": \"dev\", \"mode\": \"AK\", "
                        + "\"access_key_id\": \"" + clients.keyId() + "\", \"access_key_secret\": \"" + clients.secret()
                        + "\", "
                        + "\"region_id\": \"" + clients.region() + "\"}]}");
        Path out = dir.resolve("out");

        CliRun r = get(
                Map.of("HOME", home.toString()),
                "oss://" + bucket + "/a/cli.txt",
                "-o",
                out.toString(),
                "--region",
                clients.region());

        assertEquals(0, r.exit(), r.all());
        assertEquals("via aliyun cli", Files.readString(out.resolve("cli.txt")));
    }

    @Test
    void get_withoutAnyCredentials_saysWhereItLooked() throws Exception {
        Path home = Files.createDirectories(dir.resolve("empty-home"));

        CliRun r = get(
                Map.of("HOME", home.toString()),
                "oss://" + bucket + "/a/x.txt",
                "-o",
                dir.resolve("out").toString());

        assertEquals(1, r.exit(), r.all());
        CliRun.assertContains(
                r.err(),
                "no credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or "
                        + "OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET), or run 'aliyun configure' ("
                        + home.resolve(".aliyun/config.json")
                        + " does not exist), or pass -p PROFILE");
        assertFalse(Files.exists(dir.resolve("out/x.txt")));
    }

    @Test
    void get_regionWithAProfile_isRefusedAsAmbiguous() throws Exception {
        Path profile = Files.writeString(
                dir.resolve("p.yaml"),
                "apiVersion: ossops/v1\nkind: Profile\nname: p\nregion: cn-hangzhou\n" + "endpoint: "
                        + clients.endpoint() + "\n");

        CliRun r =
                CliRun.run(env(), "get", "-p", profile.toString(), "--region", "cn-beijing", "oss://" + bucket + "/k");

        assertEquals(1, r.exit(), r.all());
        assertEquals(
                "error: --endpoint and --region are for downloads without a profile; -p, --env-file and QWEN_TMP_OSS_BUCKET "
                        + "configure their own\n",
                r.err());
    }
}
