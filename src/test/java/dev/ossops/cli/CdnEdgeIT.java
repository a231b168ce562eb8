package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.cdn.model.v20180510.BatchSetCdnDomainConfigRequest;
import com.aliyuncs.cdn.model.v20180510.RefreshObjectCachesRequest;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.http.RawSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CDN edge end to end: apply profiles/local.yaml (a private bucket behind media.myapp.test with private OSS
 * origin on), then fetch through the edge with the domain in Host, as DNS would send a browser. Raw sockets carry
 * the requests because java.net.http will not set a Host header of its own choosing.
 */
class CdnEdgeIT {
    private static final String DOMAIN = "media.myapp.test";
    private static final String BUCKET = "myapp-local-media";
    private static final String CONTENT = "a cat, served from the edge";

    @TempDir
    Path home;

    @Test
    void localProfile_privateBucketBehindTheEdge_servesCachesRefreshesAndRelaysTheOriginsRefusal() throws Exception {
        for (String dir : new String[] {"profiles", "cors", "lifecycle", "policies"}) {
            copyTree(Path.of(dir), home.resolve(dir));
        }
        CliRun apply = CliRun.run(
                Map.of(), "apply", "-p", home.resolve("profiles/local.yaml").toString(), "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());

        Path data = home.resolve(".ossops/emulator");
        try (Emulator emulator = new Emulator(
                                EmulatorConfig.builder().port(0).dataDir(data).build())
                        .start();
                EmulatorClients clients = EmulatorClients.of(emulator)) {
            OSS oss = clients.v1();
            oss.putObject(BUCKET, "static/cat.txt", new ByteArrayInputStream(CONTENT.getBytes(StandardCharsets.UTF_8)));
            int port = emulator.endpoint().getPort();

            String first = edge(port, "/static/cat.txt");
            assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n"), first);
            assertTrue(first.endsWith("\r\n\r\n" + CONTENT), first);
            assertEquals("MISS TCP_MISS dirn:-2:-2", header(first, "X-Cache"));
            assertEquals("Tengine", header(first, "Server"));
            // The path rule /static/ of the profile decides the time kept: 86400 s.
            assertEquals("86400", header(first, "X-Swift-CacheTime"));

            HttpResponse<String> direct = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/" + BUCKET + "/static/cat.txt"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(403, direct.statusCode(), direct.body());
            assertTrue(direct.body().contains("<Code>AccessDenied</Code>"), direct.body());

            String second = edge(port, "/static/cat.txt");
            assertTrue(second.endsWith("\r\n\r\n" + CONTENT), second);
            assertEquals("HIT TCP_MEM_HIT dirn:-2:-2", header(second, "X-Cache"));
            assertTrue(header(second, "Age").matches("\\d+"), second);
            assertTrue(header(second, "Via").contains(",200-0,H]"), second);

            IAcsClient cdn =
                    new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", clients.keyId(), clients.secret()));
            RefreshObjectCachesRequest refresh = new RefreshObjectCachesRequest();
            refresh.setObjectPath("http://" + DOMAIN + "/static/");
            refresh.setObjectType("Directory");
            call(cdn, refresh, port);
            String refreshed = edge(port, "/static/cat.txt");
            assertEquals("MISS TCP_MISS dirn:-2:-2", header(refreshed, "X-Cache"));
            assertTrue(refreshed.endsWith("\r\n\r\n" + CONTENT), refreshed);

            BatchSetCdnDomainConfigRequest off = new BatchSetCdnDomainConfigRequest();
            off.setDomainNames(DOMAIN);
            off.setFunctions("[{\"functionName\":\"l2_oss_key\",\"functionArgs\":"
                    + "[{\"argName\":\"private_oss_auth\",\"argValue\":\"off\"}]}]");
            call(cdn, off, port);
            // What is cached stays served until refreshed, as on the CDN.
            assertEquals("HIT TCP_MEM_HIT dirn:-2:-2", header(edge(port, "/static/cat.txt"), "X-Cache"));
            refresh.setObjectPath(DOMAIN + "/static/cat.txt");
            refresh.setObjectType("File");
            call(cdn, refresh, port);
            String unsigned = edge(port, "/static/cat.txt");
            assertTrue(unsigned.startsWith("HTTP/1.1 403 Forbidden\r\n"), unsigned);
            assertTrue(unsigned.contains("<Code>AccessDenied</Code>"), unsigned);
            assertEquals("MISS TCP_MISS dirn:-2:-2", header(unsigned, "X-Cache"));
        }
    }

    private static String edge(int port, String path) throws IOException {
        try (RawSocket socket = new RawSocket(port)) {
            return socket.send("GET " + path + " HTTP/1.1\r\nHost: " + DOMAIN + "\r\nConnection: close\r\n\r\n")
                    .response();
        }
    }

    private static String header(String response, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *([^\r\n]*)")
                .matcher(response);
        return m.find() ? m.group(1) : null;
    }

    private static <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request, int port) throws Exception {
        request.setSysEndpoint("127.0.0.1:" + port);
        request.setSysProtocol(ProtocolType.HTTP);
        return client.getAcsResponse(request);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
