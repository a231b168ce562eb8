package dev.ossops.upload.dashscope;

import dev.ossops.upload.UploadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Uploads one file to DashScope temporary storage for a model: a fresh policy per file (each
 * policy names its own directory), the size checked against the model's limit before any byte is
 * sent, then the form post. The result is {@code oss://<key>}, kept by DashScope for 48 hours.
 */
public final class DashscopeUploader {
    /** DashScope deletes temporary files 48 hours after upload. */
    public static final Duration LIFETIME = Duration.ofDays(2);
    /** What calls that pass an {@code oss://} URL must send, or DashScope cannot resolve it. */
    public static final String RESOLVE_HEADER_NOTE =
            "note: requests that pass these oss:// URLs to a model must send the header X-DashScope-OssResourceResolve: enable";

    private final DashscopeClient client;
    private final Clock clock;

    public DashscopeUploader(DashscopeClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public DashscopeUpload upload(String model, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UploadException("not a regular file: " + file);
        }
        long size = size(file);
        UploadGrant grant = client.grant(model);
        if (size > grant.maxFileSizeBytes()) {
            throw new UploadException(file + " is " + size + " bytes, over the " + grant.maxFileSizeMb()
                    + " MB that model " + model + " accepts");
        }
        String filename = file.getFileName().toString();
        String key = grant.uploadDir() + "/" + filename;
        client.post(grant, key, file, filename);
        return new DashscopeUpload("oss://" + key, clock.instant().plus(LIFETIME), model, size);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UploadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
