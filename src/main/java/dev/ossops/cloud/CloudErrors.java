package dev.ossops.cloud;

import com.aliyun.oss.OSSException;
import com.aliyuncs.exceptions.ServerException;
import dev.ossops.cloud.credentials.Secrets;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** How ossops reads the SDKs' exceptions: codes, retryability, and safe one-line descriptions. */
public final class CloudErrors {
    /**
     * OSS codes worth another attempt: throttling, transient server faults, and the SDK's
     * InvalidResponse for an answer cut off part-way through its body (a network failure).
     */
    private static final Set<String> RETRYABLE_OSS = Set.of("InternalError", "RequestTimeout", "InvalidResponse");
    /**
     * OSS's answers to a client that sends too much or too fast (its 503 and 429 pages): wait and
     * send less. Retryable too.
     */
    private static final Set<String> THROTTLING_OSS = Set.of(
            "SlowDown",
            "ServiceUnavailable",
            "QpsLimitExceeded",
            "TotalQpsLimitExceeded",
            "MetaOperationQpsLimitExceeded",
            "ActiveRequestLimitExceeded",
            "UploadTrafficRateLimitExceeded",
            "DownloadTrafficRateLimitExceeded",
            "CpuLimitExceeded");
    /** POP codes worth another attempt (RAM, STS, CDN). */
    private static final Set<String> RETRYABLE_POP = Set.of(
            "Throttling",
            "Throttling.User",
            "Throttling.Api",
            "Throttling.System",
            "ServiceUnavailable",
            "InternalError",
            "UnknownError",
            "SDK.ServerUnreachable",
            "SDK.TimeoutError",
            "ServiceBusy",
            "ServiceBusy.Tair");

    private CloudErrors() {}

    /** Whether another attempt may succeed. */
    public static boolean isRetryable(Throwable e) {
        if (e instanceof OSSException oss) {
            return RETRYABLE_OSS.contains(oss.getErrorCode()) || THROTTLING_OSS.contains(oss.getErrorCode());
        }
        if (e instanceof com.aliyun.oss.ClientException) {
            return true; // the OSS SDK's client exceptions are connection-level failures
        }
        if (e instanceof com.aliyuncs.exceptions.ClientException pop) {
            if (pop.getErrCode() == null) {
                return pop.getCause() instanceof IOException;
            }
            return RETRYABLE_POP.contains(pop.getErrCode()) || pop.getErrCode().startsWith("Throttling");
        }
        return e instanceof IOException;
    }

    /**
     * Whether OSS asked the client to slow down: 503 SlowDown and the QPS, bandwidth and
     * concurrency limits of its 503 page, and 429 QpsLimitExceeded (checked against OSS's pages on
     * HTTP status codes 503 and 429).
     */
    public static boolean isThrottling(Throwable e) {
        return e instanceof OSSException oss && THROTTLING_OSS.contains(oss.getErrorCode());
    }

    /** The service's error code, if the exception carries one. */
    public static Optional<String> code(Throwable e) {
        if (e instanceof OSSException oss) {
            return Optional.ofNullable(oss.getErrorCode());
        }
        if (e instanceof com.aliyuncs.exceptions.ClientException pop) {
            return Optional.ofNullable(pop.getErrCode());
        }
        return Optional.empty();
    }

    /** A one-line description with code, message and request id, passed through {@link Secrets#redact}. */
    public static String describe(Throwable e) {
        String text;
        if (e instanceof OSSException oss) {
            text = oss.getErrorCode() + ": " + firstLine(oss.getErrorMessage()) + " (request id " + oss.getRequestId()
                    + ")";
        } else if (e instanceof ServerException pop) {
            text = pop.getErrCode() + ": " + firstLine(pop.getErrMsg()) + " (request id " + pop.getRequestId() + ")";
        } else if (e instanceof com.aliyuncs.exceptions.ClientException pop) {
            // The SDK core leaves errMsg empty when the answer was not a POP response at all (an HTML page): its
            // message says so.
            String message = pop.getErrMsg() == null || pop.getErrMsg().isBlank() ? pop.getMessage() : pop.getErrMsg();
            text = (pop.getErrCode() == null ? "" : pop.getErrCode() + ": ")
                    + firstLine(message).replaceAll(";\\s*$", "");
        } else {
            text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        }
        return Secrets.redact(text);
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
