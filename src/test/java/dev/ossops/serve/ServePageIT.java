package dev.ossops.serve;

import com.aliyun.oss.model.OSSObject;
import dev.ossops.cli.Main;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The upload page in a real browser: Debian's headless Chromium, driven through Debian's chromedriver by Selenium, loads
 * {@code /} from {@code ossops serve} (started by the CLI as a RAM user), uploads a real file straight to the emulator
 * through the bucket's CORS rules that {@code ossops apply} set from the profile, and shows the URL; the bytes that
 * landed are read back with the official SDK. A type the profile forbids is refused in the page with the server's
 * message. Never skipped: {@code mvn verify} installs the browser first (src/test/browser/ensure-chromium.sh).
 */
@ExtendWith(EmulatorExtension.class)
class ServePageIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String BUCKET = "page-media";

    private static EmulatorClients clients;
    private static Path dir;
    private static Thread serve;
    private static final StringWriter serveOut = new StringWriter();
    private static URI page;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(EmulatorClients emulatorClients) throws Exception {
        assertTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "ServePageIT needs Debian's chromium and " + "chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): run src/test/browser/ensure-chromium.sh, as mvn verify does");
        clients = emulatorClients;
        Emulator emulator = clients.emulator();
        dir = Files.createTempDirectory("ossops-serve-page-");
        int port = freePort();
        page = URI.create("http://127.0.0.1:" + port + "/");
        Files.writeString(
                dir.resolve("cors.json"),
                "{\"CORSRules\": [{\"AllowedOrigin\": [\"http://127.0.0.1:" + port + "\"], "
                        + "\"AllowedMethod\": [\"PUT\", \"GET\", \"HEAD\"], \"AllowedHeader\": [\"*\"], \"ExposeHeader\": [\"ETag\", "
                        + "\"x-oss-request-id\"], \"MaxAgeSeconds\": 600}]}");
        Files.writeString(
                dir.resolve("profile.yaml"),
                "apiVersion: ossops/v1\nkind: Profile\nname: page\nregion: "
                        + emulator.config().region() + "\nendpoint: " + emulator.endpoint()
                        + "\ncredentials: {source: env}\n"
                        + "buckets:\n  " + BUCKET + ":\n    acl: private\n    cors: cors.json\n"
                        + "uploader:\n  bucket: " + BUCKET
                        + "\n  allowedContentTypes: [image/png, text/plain]\n  maxSizeBytes: 1048576\n"
                        + "serve:\n  apiKeys:\n    alice: {env: SERVE_KEY_ALICE}\n");
        String profile = dir.resolve("profile.yaml").toString();

        StringWriter applyOut = new StringWriter();
        int applied = Main.run(
                new String[] {"apply", "-p", profile, "--auto-approve"},
                new PrintWriter(applyOut, true),
                new PrintWriter(applyOut, true),
                Map.of(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID",
                        emulator.rootKey().id(),
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                        emulator.rootKey().secret()));
        assertEquals(0, applied, applyOut.toString());

        ServeFixture.Identity identity = ServeFixture.identity(emulator, BUCKET, "page");
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                identity.accessKeyId(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                identity.accessKeySecret(),
                "SERVE_KEY_ALICE",
                ServeFixture.ALICE_KEY);
        PrintWriter out = new PrintWriter(serveOut, true);
        serve = new Thread(
                () -> Main.run(new String[] {"serve", "-p", profile, "--port", Integer.toString(port)}, out, out, env),
                "ossops-serve-under-test");
        serve.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!serveOut.toString().contains("serving on ")) {
            assertTrue(serve.isAlive() && Instant.now().isBefore(deadline), "ossops serve did not start: " + serveOut);
            Thread.sleep(50);
        }
        browser = chromium(dir.resolve("chromium-profile"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Debian's Chromium through Debian's chromedriver: the driver path is given, so Selenium Manager never runs. */
    static ChromeDriver chromium(Path userDataDir) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--window-size=900,700",
                "--user-data-dir=" + userDataDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (serve != null) {
                serve.interrupt();
                serve.join(30_000);
            }
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    for (Path p :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private WebElement upload(Path file) throws InterruptedException {
        browser.get(page.toString());
        WebElement key = browser.findElement(By.id("api-key"));
        key.clear();
        key.sendKeys(ServeFixture.ALICE_KEY);
        browser.findElement(By.id("files")).sendKeys(file.toString());
        By row = By.cssSelector("li.upload.done, li.upload.failed");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (browser.findElements(row).isEmpty()) {
            assertTrue(
                    Instant.now().isBefore(deadline),
                    "no upload finished in the page: "
                            + browser.findElement(By.id("uploads")).getText());
            Thread.sleep(100);
        }
        return browser.findElement(row);
    }

    @Test
    void page_uploadsAFileStraightToOssAndShowsItsUrl() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(15).nextBytes(bytes);
        Path file = dir.resolve("holiday.png");
        Files.write(file, bytes);

        WebElement row = upload(file);

        String status = row.findElement(By.className("status")).getText();
        assertEquals(
                List.of("upload", "done"), List.of(row.getAttribute("class").split(" ")), status);
        String key = row.getAttribute("data-key");
        assertTrue(key.matches("uploads/alice/\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{16}\\.png"), key);
        assertEquals("uploaded as " + key, status);
        String shown = row.findElement(By.className("result")).getText();
        assertTrue(shown.startsWith(clients.endpoint() + "/" + BUCKET + "/" + key + "?"), shown);
        try (OSSObject o = clients.v4().getObject(BUCKET, key);
                InputStream in = o.getObjectContent()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertEquals("image/png", clients.v4().getObjectMetadata(BUCKET, key).getContentType());

        Path shot = Path.of("target", "serve-page.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void page_forbiddenType_isRefusedWithTheServersMessage() throws Exception {
        Path file = dir.resolve("page.html");
        Files.writeString(file, "<script>alert(1)</script>", StandardCharsets.UTF_8);

        WebElement row = upload(file);

        assertEquals(
                List.of("upload", "failed"), List.of(row.getAttribute("class").split(" ")));
        assertEquals(
                "filename page.html: content type text/html is not allowed (allowedContentTypes: image/png, text/plain)",
                row.findElement(By.className("status")).getText());
        assertEquals(
                List.of(),
                clients.v4().listObjects(BUCKET, "uploads/alice/").getObjectSummaries().stream()
                        .filter(o -> o.getKey().endsWith(".html"))
                        .toList());
    }
}
