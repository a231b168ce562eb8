package dev.ossops.upload.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.OSSObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Test files of seeded random bytes, stored objects, checkpoints and leftover uploads. */
final class TestData {
    private TestData() {}

    static Path random(Path file, int size, long seed) throws IOException {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        Files.createDirectories(file.getParent());
        return Files.write(file, data);
    }

    static byte[] stored(OSS oss, String bucket, String key) throws IOException {
        try (OSSObject o = oss.getObject(bucket, key);
                InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    static List<MultipartUpload> uploads(OSS oss, String bucket) {
        return oss.listMultipartUploads(new ListMultipartUploadsRequest(bucket)).getMultipartUploads();
    }

    /** The checkpoints in {@code dir} (none when it does not exist); a file being replaced is read again. */
    static List<JsonNode> checkpoints(Path dir) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                found.add(new ObjectMapper().readTree(f.toFile()));
            }
        }
        return found;
    }
}
