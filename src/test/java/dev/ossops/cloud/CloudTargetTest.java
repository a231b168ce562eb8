package dev.ossops.cloud;

import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloudTargetTest {
    private static final CredentialSource NONE = new CredentialSource() {
        @Override
        public Credentials resolve() {
            throw new AssertionError("not resolved");
        }

        @Override
        public String describe() {
            return "none";
        }
    };

    @Test
    void bucketUrl_singleEndpoint_isPathStyle() {
        CloudTarget emulator = CloudTarget.single(URI.create("http://127.0.0.1:9000"), "cn-hangzhou", NONE);

        assertEquals(URI.create("http://127.0.0.1:9000/media"), emulator.bucketUrl("media", "cn-beijing"));
    }

    @Test
    void bucketUrl_realService_isTheBucketsVirtualHostInItsRegion() {
        CloudTarget real = CloudTarget.publicEndpoints("cn-hangzhou", NONE);

        assertEquals(URI.create("https://media.oss-cn-beijing.aliyuncs.com"), real.bucketUrl("media", "cn-beijing"));
    }
}
