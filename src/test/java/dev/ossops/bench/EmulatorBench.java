package dev.ossops.bench;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.UploadFileRequest;
import dev.ossops.emulator.EmulatorDefaults;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Date;
import java.util.List;

/**
 * The SDK side of bench/emulator-throughput.sh, one operation per run against an emulator
 * started with the default root key. Each timed operation prints one line
 * {@code <operation> <bytes> <seconds>}; the script turns them into MB/s. Presigned URLs are
 * written into a curl config file (mode 600) so that they never appear in output or argv.
 * <pre>
 * java -cp target/test-classes:target/ossops.jar dev.ossops.bench.EmulatorBench ENDPOINT COMMAND ARGS...
 *   create-bucket BUCKET
 *   presign-curl  PUT|GET BUCKET KEY CURL_CONFIG_FILE
 *   put           BUCKET KEY FILE
 *   get           BUCKET KEY
 *   multipart     BUCKET KEY FILE THREADS PART_MIB
 * </pre>
 */
public final class EmulatorBench {
    private static final long PRESIGN_SECONDS = 3600;

    private final OSS oss;

    private EmulatorBench(OSS oss) {
        this.oss = oss;
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: EmulatorBench ENDPOINT COMMAND ARGS... (see the class comment)");
        }
        OSS oss = client(args[0]);
        try {
            new EmulatorBench(oss).run(List.of(args).subList(1, args.length));
        } finally {
            oss.shutdown();
        }
    }

    private static OSS client(String endpoint) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint)
                .credentialsProvider(new DefaultCredentialProvider(BenchRootKey.id(), BenchRootKey.secret()))
                .clientConfiguration(conf)
                .region(EmulatorDefaults.REGION)
                .build();
    }

    private void run(List<String> args) throws Throwable {
        switch (args.get(0)) {
            case "create-bucket" -> oss.createBucket(args.get(1));
            case "presign-curl" ->
                presignCurl(HttpMethod.valueOf(args.get(1)), args.get(2), args.get(3), Path.of(args.get(4)));
            case "put" -> put(args.get(1), args.get(2), new File(args.get(3)));
            case "get" -> get(args.get(1), args.get(2));
            case "multipart" ->
                multipart(
                        args.get(1),
                        args.get(2),
                        new File(args.get(3)),
                        Integer.parseInt(args.get(4)),
                        Integer.parseInt(args.get(5)));
            default -> throw new IllegalArgumentException("unknown command " + args.get(0));
        }
    }

    /** A V1 presigned URL (the SDK signs V1 query strings unless told otherwise), as curl's {@code url}. */
    private void presignCurl(HttpMethod method, String bucket, String key, Path curlConfig) throws IOException {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key, method);
        request.setExpiration(new Date(System.currentTimeMillis() + PRESIGN_SECONDS * 1000));
        URL url = oss.generatePresignedUrl(request);
        Files.deleteIfExists(curlConfig);
        Files.createFile(
                curlConfig, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(curlConfig, "url = \"" + url + "\"\n");
    }

    private void put(String bucket, String key, File file) {
        long start = System.nanoTime();
        oss.putObject(bucket, key, file);
        report("sdk-put", file.length(), start);
    }

    private void get(String bucket, String key) throws IOException {
        long start = System.nanoTime();
        long size = 0;
        try (OSSObject object = oss.getObject(bucket, key);
                InputStream in = object.getObjectContent()) {
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                size += n;
            }
        }
        report("sdk-get", size, start);
    }

    /** The SDK's own parallel uploader: parts of {@code partMib} MiB, {@code threads} at a time. */
    private void multipart(String bucket, String key, File file, int threads, int partMib) throws Throwable {
        UploadFileRequest request = new UploadFileRequest(bucket, key);
        request.setUploadFile(file.getPath());
        request.setTaskNum(threads);
        request.setPartSize(partMib * 1024L * 1024L);
        request.setEnableCheckpoint(false);
        long start = System.nanoTime();
        oss.uploadFile(request);
        report("sdk-multipart", file.length(), start);
    }

    private static void report(String operation, long bytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%s %d %.3f%n", operation, bytes, seconds);
    }
}
