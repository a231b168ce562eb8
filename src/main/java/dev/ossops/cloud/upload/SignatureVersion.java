package dev.ossops.cloud.upload;

import com.aliyun.oss.common.comm.SignVersion;
import dev.ossops.upload.UploadException;

import java.util.Locale;

/** The OSS signature an uploader client signs with: {@code v4} (what OSS recommends) or the older {@code v1}. */
public enum SignatureVersion {
    V1(SignVersion.V1),
    V4(SignVersion.V4);

    private final SignVersion sdk;

    SignatureVersion(SignVersion sdk) {
        this.sdk = sdk;
    }

    SignVersion sdk() {
        return sdk;
    }

    /** {@code v1} or {@code v4}, as the {@code --sign} option spells it. */
    public static SignatureVersion of(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "v1" -> V1;
            case "v4" -> V4;
            default -> throw new UploadException("unknown signature version '" + text + "'; expected v1 or v4");
        };
    }
}
