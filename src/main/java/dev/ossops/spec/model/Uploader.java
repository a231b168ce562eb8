package dev.ossops.spec.model;

import java.util.List;
import java.util.Optional;

/** How {@code ossops upload} names and limits objects. Absent optionals mean the uploader's defaults. */
public record Uploader(String bucket, Optional<String> prefix, Optional<String> keyLayout, Optional<Long> urlExpiresSeconds,
                       List<String> allowedContentTypes, Optional<Long> maxSizeBytes, Optional<String> dirMode,
                       Optional<String> filenameMode) {

    public Uploader {
        allowedContentTypes = List.copyOf(allowedContentTypes);
    }
}
