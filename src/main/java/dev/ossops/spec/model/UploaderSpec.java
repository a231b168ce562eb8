package dev.ossops.spec.model;

import java.util.List;
import java.util.Optional;

/**
 * How {@code ossops upload} names and limits objects: the profile's {@code uploader} section, from which the CLI
 * builds {@code upload.UploaderSettings}. Absent optionals mean the uploader's defaults.
 *
 * @param postObjectAcl the object ACL {@code ossops post-policy} forms pin ({@code private} when absent)
 */
public record UploaderSpec(
        String bucket,
        Optional<String> prefix,
        Optional<String> keyLayout,
        Optional<Long> urlExpiresSeconds,
        List<String> allowedContentTypes,
        Optional<Long> maxSizeBytes,
        Optional<String> dirMode,
        Optional<String> filenameMode,
        Optional<String> postObjectAcl) {

    public UploaderSpec {
        allowedContentTypes = List.copyOf(allowedContentTypes);
    }
}
