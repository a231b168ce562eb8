package dev.ossops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.upload.HttpObjectSource;
import dev.ossops.cloud.upload.OssObjectSource;
import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.upload.ByteSize;
import dev.ossops.upload.Downloader;
import dev.ossops.upload.LocalNames;
import dev.ossops.upload.Masking;
import dev.ossops.upload.ObjectUrl;
import dev.ossops.upload.ParallelismController;
import dev.ossops.upload.TransferException;
import dev.ossops.upload.TransferProgress;
import dev.ossops.upload.TransferSlots;
import dev.ossops.upload.UploadException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ossops get}: downloads {@code oss://bucket/key} and OSS endpoint URLs with the configured
 * credentials (a profile, the {@code QWEN_TMP_OSS_*} settings, else the default chain), presigned
 * and public URLs as they are. One JSON line per URL on stdout (the URL without its query), errors
 * on stderr, a summary; exit 1 when any failed. Each file is the last segment of its key inside
 * {@code -o}; a segment that is no safe file name and an existing file (without {@code --force})
 * fail that URL, and nothing is written for it.
 */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        // The URL forms on a line of their own: help may break a URL at its dots.
        description = {
            "Download objects: oss:// and https:// URLs, presigned or public.",
            "e.g. oss://BUCKET/KEY, https://BUCKET.oss-REGION.aliyuncs.com/KEY"
        })
final class GetCommand extends BaseCommand {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    SessionOptions session;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "What to download.")
    List<String> urls;

    @Option(
            names = {"-o", "--output-dir"},
            paramLabel = "DIR",
            defaultValue = ".",
            description = "Where files are written (default: ${DEFAULT-VALUE}, the current directory).")
    Path outputDir;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description = "Ranged GETs in flight, 1 to 64 (default: adaptive, from 8 up to 32 while throughput rises).")
    @Nullable
    Integer parallel;

    @Option(
            names = "--part-size",
            paramLabel = "SIZE",
            defaultValue = "8MiB",
            description = "Bytes per ranged GET (default: ${DEFAULT-VALUE}).")
    String partSize;

    @Option(
            names = "--multipart-threshold",
            paramLabel = "SIZE",
            defaultValue = "100MiB",
            description = "Objects this large or larger are fetched in parallel ranges (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(
            names = "--sign",
            paramLabel = "VERSION",
            defaultValue = "v4",
            description = "Signature version for oss:// downloads: v1 or v4 (default: ${DEFAULT-VALUE}).")
    String sign;

    @Mixin
    QuietOption quietOption;

    @Option(
            names = {"-f", "--force"},
            description = "Replace files that already exist in the output directory (default: refuse).")
    boolean force;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "Without -p: the region of oss:// buckets (default: each bucket's location, "
                    + "asked with GetBucketLocation).")
    @Nullable
    String region;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "Without -p: one OSS endpoint for every bucket, e.g. an emulator's "
                    + "http://127.0.0.1:9000 (default: the public endpoints).")
    @Nullable
    URI endpoint;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        List<ObjectUrl> parsed = urls.stream().map(ObjectUrl::parse).toList();
        SignatureVersion version = SignatureVersion.of(sign);
        Downloader.Options options = new Downloader.Options(
                ByteSize.parse(threshold),
                ByteSize.parse(partSize),
                parallel == null ? OptionalInt.empty() : OptionalInt.of(parallel),
                force);
        TransferSlots slots = new TransferSlots(ParallelismController.of(options.parallel()));
        TransferProgress progress = quietOption.progress(err);
        boolean needsSession = parsed.stream().anyMatch(ObjectUrl::needsCredentials);
        Optional<UploaderSession> opened = needsSession
                ? Optional.of(session.openForDownload(
                        env().variables(), Optional.ofNullable(endpoint), Optional.ofNullable(region)))
                : Optional.empty();
        Map<String, OssTransfer> transfers = new HashMap<>();
        Map<String, String> bucketRegions = new HashMap<>();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        int failed = 0;
        try (Downloader downloader = new Downloader(options, progress, slots)) {
            List<String> names = new ArrayList<>();
            for (ObjectUrl url : parsed) {
                String shown = LocalNames.printable(Masking.displayUrl(url.url()));
                String name;
                Downloader.Source source;
                try {
                    name = unique(url.fileName(), names);
                    source = url.needsCredentials()
                            ? new OssObjectSource(
                                    transfer(opened.get(), url, version, transfers, bucketRegions, slots),
                                    url.bucket().orElseThrow(),
                                    url.key().orElseThrow())
                            : new HttpObjectSource(http, URI.create(url.url()));
                } catch (UploadException | TransferException e) {
                    failed++;
                    err.println("error: " + e.getMessage());
                    continue;
                }
                Downloader.Outcome outcome = downloader.download(shown, source, outputDir, name);
                if (outcome instanceof Downloader.Outcome.Downloaded d) {
                    out.println(line(d));
                    out.flush();
                } else if (outcome instanceof Downloader.Outcome.Failed f) {
                    failed++;
                    err.println("error: " + f.message());
                }
            }
        } finally {
            transfers.values().forEach(OssTransfer::close);
            opened.ifPresent(UploaderSession::close);
        }
        if (!quietOption.quiet) {
            err.println("downloaded " + (parsed.size() - failed) + ", failed " + failed);
        }
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }

    /** Two URLs ending in the same name must not overwrite each other: the second gets {@code (2)}. */
    private static String unique(String name, List<String> taken) {
        String candidate = name;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        taken.add(candidate);
        return candidate;
    }

    /**
     * One client per region: an endpoint URL names its own region, oss:// uses the configured one, else the bucket's
     * location (asked once per bucket, V1-signed at {@link UploaderSession#LOOKUP_REGION}'s endpoint or {@code --endpoint}).
     */
    private static OssTransfer transfer(
            UploaderSession s,
            ObjectUrl url,
            SignatureVersion version,
            Map<String, OssTransfer> cache,
            Map<String, String> bucketRegions,
            TransferSlots slots) {
        String region = url.endpoint()
                .map(GetCommand::regionOf)
                .or(s::region)
                .orElseGet(() -> bucketRegions.computeIfAbsent(
                        url.bucket().orElseThrow(),
                        bucket -> client(s, UploaderSession.LOOKUP_REGION, SignatureVersion.V1, cache, slots)
                                .bucketRegion(bucket)));
        return client(s, region, version, cache, slots);
    }

    private static OssTransfer client(
            UploaderSession s,
            String region,
            SignatureVersion version,
            Map<String, OssTransfer> cache,
            TransferSlots slots) {
        return cache.computeIfAbsent(
                region + " " + version,
                k -> OssTransfer.create(
                        s.target(),
                        region,
                        version,
                        slots.controller().ceiling(),
                        s.credentials()::invalidate,
                        slots::throttled));
    }

    static String regionOf(String endpointHost) {
        if (!endpointHost.startsWith("oss-")) {
            throw new UploadException("cannot tell the region of endpoint " + endpointHost);
        }
        String region = endpointHost.substring(4, endpointHost.indexOf(".aliyuncs.com"));
        return region.endsWith("-internal") ? region.substring(0, region.length() - "-internal".length()) : region;
    }

    private static String line(Downloader.Outcome.Downloaded d) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("url", d.shown());
        node.put("file", d.file().toString());
        node.put("size", d.size());
        node.put("crc64", Crc64.format(d.crc64()));
        node.put("resumed_chunks", d.resumedChunks());
        return mapper.writeValueAsString(node);
    }
}
