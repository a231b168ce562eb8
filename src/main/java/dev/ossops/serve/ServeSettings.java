package dev.ossops.serve;

import dev.ossops.spec.model.Serve;
import dev.ossops.upload.UploadRules;
import dev.ossops.upload.UploaderSettings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rules the service enforces, from the profile's {@code uploader:} (bucket, region, content types, size limit) and
 * {@code serve:} sections.
 */
public record ServeSettings(
        String bucket,
        String region,
        List<String> allowedContentTypes,
        OptionalLong maxSizeBytes,
        String keyPrefix,
        Duration presignExpires,
        Duration publicUrlExpires,
        Optional<String> cdnDomain,
        Optional<String> stsRole,
        long stsDurationSeconds,
        List<String> allowedOrigins,
        int requestsPerMinute) {

    public ServeSettings {
        Objects.requireNonNull(bucket, "bucket");
        allowedContentTypes = List.copyOf(allowedContentTypes);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static ServeSettings of(UploaderSettings uploader, Serve serve) {
        return new ServeSettings(
                uploader.bucket(),
                uploader.region(),
                uploader.allowedContentTypes(),
                uploader.maxSizeBytes(),
                serve.keyPrefix(),
                Duration.ofSeconds(serve.presignExpiresSeconds()),
                Duration.ofSeconds(serve.publicUrlExpiresSeconds()),
                serve.cdnDomain(),
                serve.stsRole(),
                serve.stsDurationSeconds(),
                serve.allowedOrigins(),
                serve.requestsPerMinute());
    }

    UploadRules rules() {
        return new UploadRules(allowedContentTypes, maxSizeBytes);
    }
}
