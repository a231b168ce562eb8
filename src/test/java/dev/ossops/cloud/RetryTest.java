package dev.ossops.cloud;

import com.aliyun.oss.OSSException;
import com.aliyuncs.exceptions.ServerException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryTest {

    private final List<Duration> sleeps = new ArrayList<>();

    private Retry retry(int attempts) {
        return new Retry(
                attempts,
                Duration.ofMillis(100),
                Duration.ofMillis(1000),
                CloudErrors::isRetryable,
                sleeps::add,
                new SplittableRandom(7));
    }

    private static OSSException oss(String code) {
        return new OSSException("msg", code, "5F0000000000000000000001", "host", null, null, "GET");
    }

    @Test
    void call_retriesSlowDownUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry(5).call("GetBucketAcl b", () -> {
            if (calls.incrementAndGet() < 3) {
                throw oss("SlowDown");
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.stream().allMatch(d -> d.toMillis() >= 0 && d.toMillis() <= 1000));
    }

    @Test
    void call_jitterStaysUnderTheDoublingCeiling() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(
                CloudException.class,
                () -> retry(6).call("x", () -> {
                    calls.incrementAndGet();
                    throw new IOException("reset");
                }));
        assertEquals(6, calls.get());
        long[] ceilings = {100, 200, 400, 800, 1000};
        for (int i = 0; i < sleeps.size(); i++) {
            assertTrue(sleeps.get(i).toMillis() <= ceilings[i], "sleep " + i + " was " + sleeps.get(i));
        }
    }

    @Test
    void call_doesNotRetryClientErrors() {
        AtomicInteger calls = new AtomicInteger();
        CloudException e = assertThrows(
                CloudException.class,
                () -> retry(5).call("GetBucketAcl missing", () -> {
                    calls.incrementAndGet();
                    throw oss("NoSuchBucket");
                }));
        assertEquals(1, calls.get());
        assertEquals("NoSuchBucket", e.code().orElseThrow());
        assertEquals(
                "GetBucketAcl missing failed: NoSuchBucket: msg (request id 5F0000000000000000000001)", e.getMessage());
    }

    @Test
    void call_exhaustedAttemptsAreCounted() {
        CloudException e = assertThrows(
                CloudException.class,
                () -> retry(3).call("CreateRole r", () -> {
                    throw new ServerException(
                            "Throttling.User", "Request was denied due to user flow control.", "REQ1");
                }));
        assertEquals(3, e.attempts());
        assertEquals(
                "CreateRole r failed (after 3 attempts): Throttling.User: Request was denied due to user flow control. (request id REQ1)",
                e.getMessage());
    }

    @Test
    void targetEndpoints_realServiceAndOverride() {
        CloudTarget real = CloudTarget.publicEndpoints(
                "cn-beijing", new dev.ossops.cloud.credentials.EnvCredentialSource(java.util.Map.of()));
        assertEquals(
                "https://oss-cn-shanghai.aliyuncs.com",
                real.ossEndpoint("cn-shanghai").toString());
        assertEquals(
                "https://sts.cn-beijing.aliyuncs.com",
                real.popEndpoint(PopProduct.STS).toString());
        assertEquals(
                "https://ram.aliyuncs.com", real.popEndpoint(PopProduct.RAM).toString());
        CloudTarget internal = new CloudTarget(java.util.Optional.empty(), "cn-beijing", real.credentials(), true);
        assertEquals(
                "https://oss-cn-beijing-internal.aliyuncs.com",
                internal.ossEndpoint("cn-beijing").toString());
        CloudTarget emulator =
                CloudTarget.single(java.net.URI.create("http://127.0.0.1:9000"), "cn-beijing", real.credentials());
        assertEquals(
                "http://127.0.0.1:9000", emulator.ossEndpoint("cn-shanghai").toString());
        assertEquals(
                "http://127.0.0.1:9000", emulator.popEndpoint(PopProduct.CDN).toString());
    }
}
