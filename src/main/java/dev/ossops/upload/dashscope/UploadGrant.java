package dev.ossops.upload.dashscope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossops.upload.UploadException;

/**
 * The {@code data} of a getPolicy answer: what the PostObject form needs and the model's limit.
 * {@link #toString()} leaves out the policy and signature.
 */
public record UploadGrant(
        String policy,
        String signature,
        String uploadDir,
        String uploadHost,
        long expireInSeconds,
        long maxFileSizeMb,
        String ossAccessKeyId,
        String objectAcl,
        String forbidOverwrite) {

    /** Reads {@code data}; DashScope documents every field as a string, its sample sends numbers: both are taken. */
    static UploadGrant of(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new UploadException("DashScope's getPolicy answer has no data object");
        }
        return new UploadGrant(
                text(data, "policy"),
                text(data, "signature"),
                text(data, "upload_dir"),
                text(data, "upload_host"),
                number(data, "expire_in_seconds"),
                number(data, "max_file_size_mb"),
                text(data, "oss_access_key_id"),
                text(data, "x_oss_object_acl"),
                text(data, "x_oss_forbid_overwrite"));
    }

    /** The largest file the model accepts, in bytes. */
    public long maxFileSizeBytes() {
        return maxFileSizeMb * 1024L * 1024L;
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new UploadException("DashScope's getPolicy answer lacks data." + field);
        }
        return v.asText();
    }

    private static long number(JsonNode data, String field) {
        String v = text(data, field);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UploadException("DashScope's getPolicy answer has a non-numeric data." + field + ": " + v, e);
        }
    }

    @Override
    public String toString() {
        return "UploadGrant[" + uploadDir + " at " + uploadHost + ", " + maxFileSizeMb + " MB, " + expireInSeconds
                + " s]";
    }
}
