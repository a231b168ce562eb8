package dev.ossops.cloud.upload;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.OSSObject;
import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.upload.CheckpointStore;
import dev.ossops.upload.FileSelection;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.PartPlan;
import dev.ossops.upload.TransferProgress;
import dev.ossops.upload.UploadReport;
import dev.ossops.upload.Uploader;
import dev.ossops.upload.UploaderSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The uploader against the emulator through the official SDK: round trips, multipart, resume, cleanup. */
@ExtendWith(EmulatorExtension.class)
class UploaderIT {
    private static final long PART = PartPlan.MIN_PART_SIZE;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final String bucket;
    private final OssTransfer transfer;

    UploaderIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("up");
        clients.v4().createBucket(bucket);
        CredentialSource root = new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(clients.keyId(), clients.secret());
            }

            @Override
            public String describe() {
                return "emulator root key";
            }
        };
        this.transfer = OssTransfer.create(
                CloudTarget.single(clients.endpoint(), clients.region(), root),
                clients.region(),
                SignatureVersion.V4,
                8,
                () -> {});
    }

    @AfterEach
    void close() {
        transfer.close();
    }

    private UploaderSettings settings() {
        return new UploaderSettings(
                bucket,
                clients.region(),
                clients.endpoint().toString(),
                "qwencloud-uploads",
                KeyLayout.DEFAULT_TEMPLATE,
                Duration.ofSeconds(3600),
                List.of(),
                OptionalLong.empty());
    }

    private Uploader uploader(
            dev.ossops.upload.ObjectStore store, KeyLayout layout, int parallel, boolean skipExisting) {
        return new Uploader(
                store,
                settings(),
                layout,
                new CheckpointStore(dir.resolve("checkpoints")),
                new Uploader.Options(PART, OptionalLong.of(PART), parallel, skipExisting),
                Clock.systemUTC(),
                TransferProgress.NONE);
    }

    private static KeyLayout defaultLayout() {
        return KeyLayout.of(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME, CLOCK, () -> ID);
    }

    private static KeyLayout flat() {
        return KeyLayout.of(
                KeyLayout.DirMode.NO_SUBDIRECTORY, KeyLayout.FilenameMode.FILENAME, CLOCK, UUID::randomUUID);
    }

    private Path file(String name, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.write(f, data);
    }

    private static FileSelection.Selected selected(Path f) {
        return new FileSelection.Selected(f, f.getFileName().toString());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private byte[] stored(String key) throws IOException {
        try (OSSObject o = clients.v4().getObject(bucket, key);
                InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    private UploadReport uploaded(Uploader.Outcome outcome) {
        Uploader.Outcome.Uploaded u = assertInstanceOf(Uploader.Outcome.Uploaded.class, outcome, outcome.toString());
        return u.report();
    }

    private void assertRoundTrip(Path f, UploadReport report) throws Exception {
        byte[] local = Files.readAllBytes(f);
        byte[] remote = stored(report.key());
        assertEquals(sha256(local), sha256(remote));
        assertEquals(Crc64.of(local), report.crc64());
        assertEquals(local.length, report.size());
        assertEquals(
                clients.v4()
                        .getObjectMetadata(bucket, report.key())
                        .getServerCRC()
                        .longValue(),
                report.crc64());
    }

    private void assertNoUploadsLeft() {
        assertEquals(
                List.of(),
                clients.v4()
                        .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                        .getMultipartUploads());
    }

    private long checkpointFiles() throws IOException {
        Path cp = dir.resolve("checkpoints");
        if (!Files.isDirectory(cp)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(cp)) {
            return s.count();
        }
    }

    @Test
    void upload_smallFile_roundTripsWithDefaultLayoutAndWorkingPresignedGet() throws Exception {
        Path f = file("photo.jpg", 5000, 1);
        try (Uploader up = uploader(transfer, defaultLayout(), 2, false)) {
            Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            UploadReport report = uploaded(up.upload(selected(f), Optional.empty()));

            assertEquals("qwencloud-uploads/2026-03-04/" + ID + "_photo.jpg", report.key());
            assertEquals(bucket, report.bucket());
            assertTrue(
                    !report.expiresAt().isBefore(before.plusSeconds(3600))
                            && !report.expiresAt().isAfter(Instant.now().plusSeconds(3600)),
                    report.expiresAt().toString());
            assertRoundTrip(f, report);
            assertEquals(
                    "image/jpeg",
                    clients.v4().getObjectMetadata(bucket, report.key()).getContentType());
        }
    }

    @Test
    void upload_emptyFile_roundTrips() throws Exception {
        Path f = file("empty.txt", 0, 2);
        try (Uploader up = uploader(transfer, flat(), 1, false)) {
            UploadReport report = uploaded(up.upload(selected(f), Optional.empty()));

            assertEquals("qwencloud-uploads/empty.txt", report.key());
            assertEquals(0, report.crc64());
            assertRoundTrip(f, report);
        }
    }

    @Test
    void upload_oddNamedKeys_roundTripWithExactKeys() throws Exception {
        for (String name : List.of("a+b.txt", "with space.txt", "ünïcødé 文件.txt", "x%2By & ?.bin")) {
            Path f = file(name, 777, name.hashCode());
            try (Uploader up = uploader(transfer, flat(), 1, false)) {
                UploadReport report = uploaded(up.upload(selected(f), Optional.empty()));
                assertEquals("qwencloud-uploads/" + name, report.key());
                assertRoundTrip(f, report);
                HttpResponse<byte[]> got = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(java.net.URI.create(report.url()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, got.statusCode(), name + " " + report.url() + " " + new String(got.body()));
                assertArrayEquals(Files.readAllBytes(f), got.body(), name);
            }
        }
    }

    @Test
    void upload_multipart_sendsPartsInParallelAndMatchesCrcOfWholeObject() throws Exception {
        Path f = file("video.mp4", (int) (PART * 5 + 12345), 3);
        FaultyStore counting = FaultyStore.counting(transfer);
        try (Uploader up = uploader(counting, flat(), 3, false)) {
            UploadReport report = uploaded(up.upload(selected(f), Optional.empty()));

            assertEquals(6, counting.parts.get());
            assertEquals(0, counting.puts.get());
            assertTrue(report.etag().endsWith("-6"), report.etag());
            assertRoundTrip(f, report);
            assertNoUploadsLeft();
            assertEquals(0, checkpointFiles());
        }
    }

    @Test
    void upload_afterCrash_resumesWithOnlyMissingParts() throws Exception {
        Path f = file("resume.bin", (int) (PART * 6 + 99), 4);
        FaultyStore crashing = new FaultyStore(transfer, 3, true);
        try (Uploader up = uploader(crashing, defaultLayout(), 1, false)) {
            Uploader.Outcome.Failed failed =
                    assertInstanceOf(Uploader.Outcome.Failed.class, up.upload(selected(f), Optional.empty()));
            assertTrue(
                    failed.message()
                            .matches("UploadPart 4 failed: simulated crash \\(checkpoint kept in "
                                    + java.util.regex.Pattern.quote(
                                            dir.resolve("checkpoints").toAbsolutePath() + "/")
                                    + "[0-9a-f]{64}-[0-9a-f]{64}\\.json: run the same command again, from any"
                                    + " directory, to resume\\)"),
                    failed.message());
        }
        String key = "qwencloud-uploads/2026-03-04/" + ID + "_resume.bin";
        String uploadId = clients.v4()
                .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                .getMultipartUploads()
                .get(0)
                .getUploadId();
        assertEquals(
                3,
                clients.v4()
                        .listParts(new com.aliyun.oss.model.ListPartsRequest(bucket, key, uploadId))
                        .getParts()
                        .size());
        assertEquals(1, checkpointFiles());

        FaultyStore counting = FaultyStore.counting(transfer);
        // A UUID layout draws a new key each run: the checkpoint, found by its file, supplies the old one.
        KeyLayout otherUuid =
                KeyLayout.of(KeyLayout.DEFAULT_TEMPLATE, KeyLayout.FilenameMode.FILENAME, CLOCK, UUID::randomUUID);
        try (Uploader up = uploader(counting, otherUuid, 2, false)) {
            Uploader.Outcome.Uploaded done =
                    assertInstanceOf(Uploader.Outcome.Uploaded.class, up.upload(selected(f), Optional.empty()));
            assertEquals(3, done.resumedParts());
            assertEquals(key, done.report().key());
            assertEquals(4, counting.parts.get());
            assertRoundTrip(f, done.report());
        }
        assertNoUploadsLeft();
        assertEquals(0, checkpointFiles());
    }

    @Test
    void upload_corruptCheckpoint_abortsItsUploadAndStartsAfresh() throws Exception {
        Path f = file("corrupt.bin", (int) (PART * 3 + 5), 5);
        try (Uploader up = uploader(new FaultyStore(transfer, 1, true), flat(), 1, false)) {
            assertInstanceOf(Uploader.Outcome.Failed.class, up.upload(selected(f), Optional.empty()));
        }
        Path checkpoint;
        try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
            checkpoint = s.findFirst().orElseThrow();
        }
        String json = Files.readString(checkpoint);
        String oldUpload = clients.v4()
                .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                .getMultipartUploads()
                .get(0)
                .getUploadId();
        Files.writeString(checkpoint, json.replace("\"partSize\"", "\"partSize\" : \"ten\", \"was\""));

        FaultyStore counting = FaultyStore.counting(transfer);
        try (Uploader up = uploader(counting, flat(), 2, false)) {
            UploadReport report = uploaded(up.upload(selected(f), Optional.empty()));
            assertEquals(4, counting.parts.get());
            assertRoundTrip(f, report);
        }
        assertNoUploadsLeft();
        assertFalse(oldUpload.isEmpty());
        assertEquals(0, checkpointFiles());
    }

    @Test
    void upload_failureThatCannotResume_abortsTheMultipartUpload() throws Exception {
        Path f = file("denied.bin", (int) (PART * 4), 6);
        try (Uploader up = uploader(new FaultyStore(transfer, 2, false), flat(), 2, false)) {
            Uploader.Outcome.Failed failed =
                    assertInstanceOf(Uploader.Outcome.Failed.class, up.upload(selected(f), Optional.empty()));
            assertEquals(
                    "UploadPart 3 failed: simulated crash", failed.message().replace("UploadPart 4", "UploadPart 3"));
        }
        assertNoUploadsLeft();
        assertEquals(0, checkpointFiles());
    }

    @Test
    void upload_disallowedContentType_failsBeforeAnyRequest() throws Exception {
        Path f = file("script.exe", 10, 7);
        FaultyStore counting = FaultyStore.counting(transfer);
        UploaderSettings limited = new UploaderSettings(
                bucket,
                clients.region(),
                clients.endpoint().toString(),
                "p",
                KeyLayout.DEFAULT_TEMPLATE,
                Duration.ofSeconds(60),
                List.of("image/*"),
                OptionalLong.of(5));
        try (Uploader up = new Uploader(
                counting,
                limited,
                flat(),
                new CheckpointStore(dir.resolve("cp")),
                Uploader.Options.defaults(),
                CLOCK,
                TransferProgress.NONE)) {
            Uploader.Outcome.Failed failed =
                    assertInstanceOf(Uploader.Outcome.Failed.class, up.upload(selected(f), Optional.empty()));
            assertEquals(
                    "script.exe: content type application/x-msdownload is not allowed (allowedContentTypes: image/*)",
                    failed.message());
            Path big = file("big.png", 6, 8);
            Uploader.Outcome.Failed tooBig =
                    assertInstanceOf(Uploader.Outcome.Failed.class, up.upload(selected(big), Optional.empty()));
            assertEquals("big.png: 6 bytes exceeds maxSizeBytes 5 bytes", tooBig.message());
        }
        assertEquals(0, counting.puts.get() + counting.parts.get() + counting.heads.get());
    }

    @Test
    void uploadAll_skipExistingAndOneFailure_uploadsTheRest() throws Exception {
        Path a = file("batch/a.txt", 100, 9);
        Path b = file("batch/b.txt", 200, 10);
        FaultyStore counting = FaultyStore.counting(transfer);
        try (Uploader up = uploader(counting, flat(), 2, true)) {
            List<Uploader.Outcome> first = up.uploadAll(List.of(selected(a)), Optional.empty(), o -> {});
            assertFalse(((Uploader.Outcome.Uploaded) first.get(0)).skipped());
            List<Uploader.Outcome> second = up.uploadAll(
                    List.of(selected(a), new FileSelection.Selected(dir.resolve("gone.txt"), "gone.txt"), selected(b)),
                    Optional.empty(),
                    o -> {});

            assertTrue(((Uploader.Outcome.Uploaded) second.get(0)).skipped());
            assertEquals(
                    "gone.txt",
                    assertInstanceOf(Uploader.Outcome.Failed.class, second.get(1))
                            .name());
            assertFalse(((Uploader.Outcome.Uploaded) second.get(2)).skipped());
            assertRoundTrip(b, ((Uploader.Outcome.Uploaded) second.get(2)).report());
        }
        assertEquals(2, counting.puts.get());
        assertEquals(3, counting.heads.get());
    }

    @Test
    void uploadAll_explicitKeyWithTwoFiles_isRefused() throws Exception {
        Path a = file("k/a.txt", 1, 11);
        Path b = file("k/b.txt", 1, 12);
        try (Uploader up = uploader(transfer, flat(), 1, false)) {
            dev.ossops.upload.UploadException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.ossops.upload.UploadException.class,
                    () -> up.uploadAll(List.of(selected(a), selected(b)), Optional.of("x"), o -> {}));
            assertEquals("--key names one object but 2 files are selected", e.getMessage());
        }
    }

    @Test
    void presign_putWithContentTypeAndForbidOverwrite_acceptsTheSignedRequestOnce() throws Exception {
        // A V4 URL lives at most 7 days from when the SDK signs it (now), so its expiry is set from now.
        java.net.URI url = transfer.presign(
                bucket,
                "forms/put.txt",
                "PUT",
                Instant.now().plusSeconds(3600),
                Optional.of("text/plain"),
                java.util.Map.of("x-oss-forbid-overwrite", "true"));
        HttpRequest put = HttpRequest.newBuilder(url)
                .header("Content-Type", "text/plain")
                .header("x-oss-forbid-overwrite", "true")
                .PUT(HttpRequest.BodyPublishers.ofString("hello"))
                .build();
        HttpClient http = HttpClient.newHttpClient();
        assertEquals(200, http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertArrayEquals("hello".getBytes(), stored("forms/put.txt"));
        HttpResponse<String> again = http.send(put, HttpResponse.BodyHandlers.ofString());
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("<Code>FileAlreadyExists</Code>"), again.body());
    }

    @Test
    void put_securityTokenExpired_refreshesCredentialsAndRetriesOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        OSS real = clients.v4();
        // The first PutObject is refused as OSS refuses an expired STS token; every other call goes through.
        OSS expiringOnce = (OSS) java.lang.reflect.Proxy.newProxyInstance(
                OSS.class.getClassLoader(), new Class<?>[] {OSS.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putObject") && refused.getAndIncrement() == 0) {
                        throw new com.aliyun.oss.OSSException(
                                "The security token you provided has expired.",
                                "SecurityTokenExpired",
                                "req-1",
                                "host",
                                null,
                                null,
                                "PUT");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        java.util.concurrent.atomic.AtomicInteger invalidated = new java.util.concurrent.atomic.AtomicInteger();
        OssTransfer refreshing =
                new OssTransfer(expiringOnce, dev.ossops.cloud.Retry.standard(), invalidated::incrementAndGet);
        Path f = file("token.txt", 10, 13);

        dev.ossops.upload.ObjectStore.Stored stored = refreshing.put(bucket, "token.txt", f, 10, "text/plain", n -> {});

        assertEquals(1, invalidated.get());
        assertEquals(2, refused.get());
        assertEquals(Crc64.of(Files.readAllBytes(f)), stored.crc64());
        assertArrayEquals(Files.readAllBytes(f), stored("token.txt"));
    }

    @Test
    void put_retriedAfterAServerError_reportsEachByteOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        OSS real = clients.v4();
        // The first PutObject reads the whole body, then fails as a 500 InternalError would: the retry layer sends it
        // again.
        OSS failingOnce = (OSS) java.lang.reflect.Proxy.newProxyInstance(
                OSS.class.getClassLoader(), new Class<?>[] {OSS.class}, (proxy, method, args) -> {
                    if (method.getName().equals("putObject") && calls.getAndIncrement() == 0) {
                        ((com.aliyun.oss.model.PutObjectRequest) args[0])
                                .getInputStream()
                                .readAllBytes();
                        throw new com.aliyun.oss.OSSException(
                                "We encountered an internal error.",
                                "InternalError",
                                "req-2",
                                "host",
                                null,
                                null,
                                "PUT");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OssTransfer retrying = new OssTransfer(failingOnce, dev.ossops.cloud.Retry.standard(), () -> {});
        Path f = file("retry.bin", 5000, 14);
        java.util.concurrent.atomic.AtomicLong reported = new java.util.concurrent.atomic.AtomicLong();

        retrying.put(bucket, "retry.bin", f, 5000, "application/octet-stream", reported::addAndGet);

        assertEquals(2, calls.get());
        assertEquals(5000, reported.get());
        assertArrayEquals(Files.readAllBytes(f), stored("retry.bin"));
    }
    /**
     * InitiateMultipartUpload for a key XML cannot carry: the SDK has no encoding-type for it and
     * cannot parse the raw key in the answer, so the upload is started anonymously (the bucket is
     * made public-read-write) with encoding-type=url, as OSS documents for this API.
     */
    private String initiateEncoded(String key) throws IOException, InterruptedException {
        clients.v4().setBucketAcl(bucket, com.aliyun.oss.model.CannedAccessControlList.PublicReadWrite);
        String path = "/" + bucket + "/"
                + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(clients.endpoint().resolve(path + "?uploads&encoding-type=url"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        return body.substring(body.indexOf("<UploadId>") + 10, body.indexOf("</UploadId>"));
    }

    /** The lost-answer recovery lists a key's uploads by prefix: another key under it that XML cannot carry must not break that. */
    @Test
    void uploadsOf_neighbourKeyXmlCannotCarry_listsExactlyTheKey() throws Exception {
        String mine = clients.v4()
                .initiateMultipartUpload(new com.aliyun.oss.model.InitiateMultipartUploadRequest(bucket, "lost.bin"))
                .getUploadId();
        initiateEncoded("lost.bin\0tmp");

        List<String> found = transfer.uploadsOf(bucket, "lost.bin").stream()
                .map(u -> u.uploadId())
                .toList();

        assertEquals(List.of(mine), found);
    }

    @Test
    void listParts_keyXmlCannotCarry_listsTheParts() throws Exception {
        String key = "odd\u0001key.bin";
        String uploadId = initiateEncoded(key);
        clients.v4()
                .uploadPart(new com.aliyun.oss.model.UploadPartRequest(
                        bucket, key, uploadId, 1, new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3));

        assertEquals(
                List.of(1),
                transfer.listParts(bucket, key, uploadId).orElseThrow().stream()
                        .map(p -> p.number())
                        .toList());
    }
}
