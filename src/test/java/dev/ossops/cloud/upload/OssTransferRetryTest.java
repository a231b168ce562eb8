package dev.ossops.cloud.upload;

import com.aliyun.oss.OSSException;
import dev.ossops.cloud.CloudErrors;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OssTransferRetryTest {
    private static OSSException oss(String code) {
        return new OSSException("message", code, "request-id", "127.0.0.1", null, null, "POST");
    }

    @Test
    void retryable_answerCutOffPartWay_isRetried() {
        assertTrue(CloudErrors.isRetryable(oss("InvalidResponse")));
    }

    @Test
    void retryable_throttlingAndNetwork_areRetried() {
        assertTrue(CloudErrors.isRetryable(oss("SlowDown")));
        assertTrue(CloudErrors.isRetryable(new IOException("connection reset")));
    }

    @Test
    void retryable_denial_isNotRetried() {
        assertFalse(CloudErrors.isRetryable(oss("AccessDenied")));
        assertFalse(CloudErrors.isRetryable(oss("NoSuchUpload")));
    }
}
