package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

/** The {@code x-oss-copy-source} header: {@code /bucket/url-encoded-key[?versionId=id]}. */
record CopySource(String bucket, String key, @Nullable String versionId) {
    static CopySource parse(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT,
                    "Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.");
        }
        String value = header;
        String versionId = null;
        int q = value.indexOf("?versionId=");
        if (q >= 0) {
            versionId = OssRequest.decode(value.substring(q + "?versionId=".length()), true);
            value = value.substring(0, q);
        }
        String path = OssRequest.decode(value, false);
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT,
                    "Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.");
        }
        return new CopySource(path.substring(0, slash), path.substring(slash + 1), versionId);
    }
}
