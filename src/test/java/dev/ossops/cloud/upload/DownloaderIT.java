package dev.ossops.cloud.upload;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.upload.Downloader;
import dev.ossops.upload.TransferException;
import dev.ossops.upload.TransferProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from the emulator: whole and ranged-parallel, through the SDK and through presigned URLs, with resume. */
@ExtendWith(EmulatorExtension.class)
class DownloaderIT {
    private static final int CHUNK = 64 * 1024;
    private static final Downloader.Options RANGED = new Downloader.Options(100 * 1024, CHUNK, 3, false);

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final String bucket;
    private final OssTransfer transfer;

    DownloaderIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("down");
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
        transfer = OssTransfer.create(
                CloudTarget.single(clients.endpoint(), clients.region(), root),
                clients.region(),
                SignatureVersion.V4,
                4,
                () -> {});
    }

    @AfterEach
    void close() {
        transfer.close();
    }

    private byte[] put(String key, int size) {
        byte[] data = new byte[size];
        new Random(key.hashCode()).nextBytes(data);
        clients.v4().putObject(bucket, key, new ByteArrayInputStream(data));
        return data;
    }

    /** Counts ranged reads and fails every read after {@code failAfter}. */
    private static final class CountingSource implements Downloader.Source {
        final Downloader.Source delegate;
        final AtomicInteger opens = new AtomicInteger();
        final int failAfter;

        CountingSource(Downloader.Source delegate, int failAfter) {
            this.delegate = delegate;
            this.failAfter = failAfter;
        }

        @Override
        public Info info() {
            return delegate.info();
        }

        @Override
        public InputStream open(long offset, long length) {
            if (opens.incrementAndGet() > failAfter) {
                throw new TransferException("GetObject failed: simulated network loss", null, true, null);
            }
            return delegate.open(offset, length);
        }
    }

    @Test
    void download_smallAndEmptyObjects_areByteExact() throws Exception {
        for (int size : new int[] {0, 1, 5000}) {
            byte[] data = put("small/" + size + ".bin", size);
            try (Downloader d = new Downloader(RANGED, TransferProgress.NONE)) {
                Downloader.Outcome.Downloaded done = assertInstanceOf(
                        Downloader.Outcome.Downloaded.class,
                        d.download(
                                "oss://" + bucket + "/small/" + size + ".bin",
                                new OssObjectSource(transfer, bucket, "small/" + size + ".bin"),
                                dir,
                                size + ".bin"));
                assertArrayEquals(data, Files.readAllBytes(dir.resolve(size + ".bin")));
                assertEquals(Crc64.of(data), done.crc64());
            }
        }
    }

    @Test
    void download_largeObjectInParallelRanges_matchesCrc() throws Exception {
        byte[] data = put("big/v.mp4", CHUNK * 5 + 333);
        CountingSource source =
                new CountingSource(new OssObjectSource(transfer, bucket, "big/v.mp4"), Integer.MAX_VALUE);
        try (Downloader d = new Downloader(RANGED, TransferProgress.NONE)) {
            Downloader.Outcome.Downloaded done =
                    assertInstanceOf(Downloader.Outcome.Downloaded.class, d.download("oss://x", source, dir, "v.mp4"));
            assertEquals(6, source.opens.get());
            assertEquals(Crc64.of(data), done.crc64());
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("v.mp4")));
        assertFalse(Files.exists(dir.resolve("v.mp4.ossops-partial")));
        assertFalse(Files.exists(dir.resolve("v.mp4.ossops-partial.json")));
    }

    @Test
    void download_presignedUrlInRanges_isByteExact() throws Exception {
        byte[] data = put("signed/a b+c.bin", CHUNK * 3 + 1);
        java.net.URL url = clients.v1()
                .generatePresignedUrl(new GeneratePresignedUrlRequest(bucket, "signed/a b+c.bin", HttpMethod.GET) {
                    {
                        setExpiration(new Date(System.currentTimeMillis() + 600_000));
                    }
                });
        HttpObjectSource source = new HttpObjectSource(HttpClient.newHttpClient(), url.toURI());
        try (Downloader d = new Downloader(RANGED, TransferProgress.NONE)) {
            Downloader.Outcome.Downloaded done =
                    assertInstanceOf(Downloader.Outcome.Downloaded.class, d.download("shown", source, dir, "abc.bin"));
            assertEquals(Crc64.of(data), done.crc64());
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("abc.bin")));
    }

    @Test
    void download_afterFailure_resumesOnlyMissingChunks() throws Exception {
        byte[] data = put("resume/r.bin", CHUNK * 6);
        Downloader.Options oneAtATime = new Downloader.Options(100 * 1024, CHUNK, 1, false);
        try (Downloader d = new Downloader(oneAtATime, TransferProgress.NONE)) {
            Downloader.Outcome.Failed failed = assertInstanceOf(
                    Downloader.Outcome.Failed.class,
                    d.download(
                            "oss://b/resume/r.bin",
                            new CountingSource(new OssObjectSource(transfer, bucket, "resume/r.bin"), 2),
                            dir,
                            "r.bin"));
            assertEquals(
                    "GetObject failed: simulated network loss (partial download kept: run again to resume)",
                    failed.message());
        }
        assertTrue(Files.exists(dir.resolve("r.bin.ossops-partial")));
        assertFalse(Files.exists(dir.resolve("r.bin")));

        CountingSource counting =
                new CountingSource(new OssObjectSource(transfer, bucket, "resume/r.bin"), Integer.MAX_VALUE);
        try (Downloader d = new Downloader(RANGED, TransferProgress.NONE)) {
            Downloader.Outcome.Downloaded done = assertInstanceOf(
                    Downloader.Outcome.Downloaded.class, d.download("oss://b/resume/r.bin", counting, dir, "r.bin"));
            assertEquals(2, done.resumedChunks());
            assertEquals(4, counting.opens.get());
        }
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("r.bin")));
    }

    @Test
    void download_crcDiffersFromService_failsAndKeepsNothing() throws Exception {
        put("bad/crc.bin", 1000);
        Downloader.Source source = new OssObjectSource(transfer, bucket, "bad/crc.bin");
        Downloader.Source lying = new Downloader.Source() {
            @Override
            public Info info() {
                Info real = source.info();
                return new Info(real.size(), OptionalLong.of(real.crc64().getAsLong() ^ 1), real.etag());
            }

            @Override
            public InputStream open(long offset, long length) {
                return source.open(offset, length);
            }
        };
        try (Downloader d = new Downloader(RANGED, TransferProgress.NONE)) {
            Downloader.Outcome.Failed failed = assertInstanceOf(
                    Downloader.Outcome.Failed.class, d.download("oss://b/bad/crc.bin", lying, dir, "crc.bin"));
            assertTrue(failed.message().startsWith("oss://b/bad/crc.bin: downloaded CRC-64 "), failed.message());
        }
        assertFalse(Files.exists(dir.resolve("crc.bin")));
        assertFalse(Files.exists(dir.resolve("crc.bin.ossops-partial")));
    }

    @Test
    void download_missingObject_failsWithItsName() {
        try (Downloader d = new Downloader(RANGED, TransferProgress.NONE)) {
            Downloader.Outcome.Failed failed = assertInstanceOf(
                    Downloader.Outcome.Failed.class,
                    d.download(
                            "oss://" + bucket + "/nope", new OssObjectSource(transfer, bucket, "nope"), dir, "nope"));
            assertEquals("oss://" + bucket + "/nope: no such object", failed.message());
        }
    }

    /** A file outside the download directory that a planted link points at, and the directory downloads go to. */
    private record Planted(Path victim, Path out) {}

    private Planted plant(String victimContent) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path victim = Files.writeString(elsewhere.resolve("victim.txt"), victimContent);
        return new Planted(victim, Files.createDirectories(dir.resolve("out")));
    }

    private Downloader.Outcome download(Downloader.Options options, String key, Path out, String name) {
        try (Downloader d = new Downloader(options, TransferProgress.NONE)) {
            return d.download("oss://" + bucket + "/" + key, new OssObjectSource(transfer, bucket, key), out, name);
        }
    }

    @Test
    void download_existingFile_isRefusedWithoutOverwriteAndReplacedWith() throws Exception {
        byte[] data = put("keep/a.txt", 300);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("a.txt"), "mine");

        Downloader.Outcome.Failed refused =
                assertInstanceOf(Downloader.Outcome.Failed.class, download(RANGED, "keep/a.txt", out, "a.txt"));

        assertEquals(
                "oss://" + bucket + "/keep/a.txt: "
                        + out.toAbsolutePath().normalize().resolve("a.txt")
                        + " already exists; pass --force to replace it",
                refused.message());
        assertEquals("mine", Files.readString(out.resolve("a.txt")));
        assertFalse(Files.exists(out.resolve("a.txt.ossops-partial")));

        Downloader.Options force = new Downloader.Options(100 * 1024, CHUNK, 3, true);
        assertInstanceOf(Downloader.Outcome.Downloaded.class, download(force, "keep/a.txt", out, "a.txt"));
        assertArrayEquals(data, Files.readAllBytes(out.resolve("a.txt")));
    }

    @Test
    void download_symbolicLinkAtTheTarget_isRefusedThenReplacedNeverFollowed() throws Exception {
        byte[] data = put("link/t.txt", 200);
        Planted p = plant("precious");
        Files.createSymbolicLink(p.out().resolve("t.txt"), p.victim());

        assertInstanceOf(Downloader.Outcome.Failed.class, download(RANGED, "link/t.txt", p.out(), "t.txt"));
        assertEquals("precious", Files.readString(p.victim()));

        Downloader.Options force = new Downloader.Options(100 * 1024, CHUNK, 3, true);
        assertInstanceOf(Downloader.Outcome.Downloaded.class, download(force, "link/t.txt", p.out(), "t.txt"));
        assertEquals("precious", Files.readString(p.victim()));
        assertFalse(Files.isSymbolicLink(p.out().resolve("t.txt")));
        assertArrayEquals(data, Files.readAllBytes(p.out().resolve("t.txt")));
    }

    @Test
    void download_symbolicLinkAtThePartialOrItsState_isRefusedAndTheLinkTargetKept() throws Exception {
        put("link/big.bin", CHUNK * 3);
        for (String own : new String[] {"big.bin.ossops-partial", "big.bin.ossops-partial.json"}) {
            Planted p = plant("precious");
            Path link = Files.createSymbolicLink(p.out().resolve(own), p.victim());

            Downloader.Outcome.Failed failed = assertInstanceOf(
                    Downloader.Outcome.Failed.class,
                    download(new Downloader.Options(100 * 1024, CHUNK, 3, true), "link/big.bin", p.out(), "big.bin"));

            assertEquals(
                    "oss://" + bucket + "/link/big.bin: "
                            + p.out().toAbsolutePath().normalize().resolve(own)
                            + " is a symbolic link; ossops does not write through links: remove it",
                    failed.message());
            assertEquals("precious", Files.readString(p.victim()));
            assertFalse(Files.exists(p.out().resolve("big.bin")));
            Files.delete(link);
            Files.delete(p.victim());
        }
    }

    @Test
    void download_nameThatLeavesTheDirectory_isRefused() throws Exception {
        put("up/x.bin", 10);
        Path out = Files.createDirectories(dir.resolve("out"));
        Downloader.Outcome.Failed failed =
                assertInstanceOf(Downloader.Outcome.Failed.class, download(RANGED, "up/x.bin", out, "..\\x.bin"));
        assertEquals("'..\\x.bin' cannot be a file name: it contains '\\', a path separator", failed.message());
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(out), files.toList());
        }
    }
}
