package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.BucketReferer;
import dev.ossops.emulator.config.BucketConfigCodec;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.BucketConfigRegistry;
import dev.ossops.emulator.xml.XmlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generic bucket sub-configuration path, driven by a tiny codec defined here (the real codecs
 * live in emulator.config): PUT validates and stores, GET returns the stored or default
 * document, DELETE removes, unregistered sub-resources are NotImplemented.
 */
@ExtendWith(EmulatorExtension.class)
class BucketConfigIT {

    /** Accepts any well-formed RefererConfiguration; when unset, OSS's default (empty referers allowed). */
    static final class TinyRefererCodec implements BucketConfigCodec {
        static final String DEFAULT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<RefererConfiguration>"
                + "<AllowEmptyReferer>true</AllowEmptyReferer><RefererList></RefererList></RefererConfiguration>";

        @Override
        public String subresource() {
            return "referer";
        }

        @Override
        public StoredConfig accept(byte[] body) {
            XmlReader.parse(body, "RefererConfiguration");
            return new StoredConfig("application/xml", body);
        }

        @Override
        public StoredConfig whenUnset(String bucket) {
            return new StoredConfig("application/xml", DEFAULT.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Like OSS's CORS: GET without a configuration is an error. */
    static final class TinyCorsCodec implements BucketConfigCodec {
        @Override
        public String subresource() {
            return "cors";
        }

        @Override
        public StoredConfig accept(byte[] body) {
            XmlReader.parse(body, "CORSConfiguration");
            return new StoredConfig("application/xml", body);
        }

        @Override
        public StoredConfig whenUnset(String bucket) {
            throw new OssException(OssError.INVALID_ARGUMENT, "The CORS configuration does not exist.");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void registeredCodec_putGetDeleteThroughTheSdk(SignVersion version, @TempDir Path dir) {
        BucketConfigRegistry registry = new BucketConfigRegistry(List.of(new TinyRefererCodec(), new TinyCorsCodec()));
        try (Emulator emulator = new Emulator(
                                EmulatorConfig.builder().port(0).dataDir(dir).build(),
                                id -> Optional.empty(),
                                registry,
                                Clock.systemUTC())
                        .start();
                EmulatorClients clients = new EmulatorClients(emulator)) {
            OSS oss = clients.client(version);
            oss.createBucket("configured");
            assertTrue(oss.getBucketReferer("configured").isAllowEmptyReferer());

            oss.setBucketReferer("configured", new BucketReferer(false, List.of("https://example.com")));
            BucketReferer stored = oss.getBucketReferer("configured");
            assertFalse(stored.isAllowEmptyReferer());
            assertEquals(List.of("https://example.com"), stored.getRefererList());

            RawRequests.Response delete = RawRequests.send(
                    clients,
                    version,
                    "DELETE",
                    "configured",
                    null,
                    Collections.singletonMap("referer", null),
                    Map.of(),
                    null);
            assertEquals(204, delete.status());
            assertTrue(oss.getBucketReferer("configured").isAllowEmptyReferer());

            OSSException unset = assertThrows(OSSException.class, () -> oss.getBucketCORSRules("configured"));
            assertEquals("The CORS configuration does not exist.", unset.getErrorMessage());
            RawRequests.Response malformed = RawRequests.send(
                    clients,
                    version,
                    "PUT",
                    "configured",
                    null,
                    Collections.singletonMap("cors", null),
                    Map.of(),
                    "<NotCors/>".getBytes(StandardCharsets.UTF_8));
            assertEquals("MalformedXML", malformed.element("Code"));
        }
    }

    @Test
    void unregisteredSubresource_isNotImplementedNotAListing(EmulatorClients clients) {
        OSS oss = clients.v4();
        oss.createBucket("plain-config");
        RawRequests.Response response = RawRequests.send(
                clients,
                SignVersion.V4,
                "GET",
                "plain-config",
                null,
                Collections.singletonMap("website", null),
                Map.of(),
                null);
        assertEquals(501, response.status());
        assertEquals("NotImplemented", response.element("Code"));
        assertEquals("The emulator does not implement the bucket sub-resource ?website.", response.element("Message"));
    }

    @Test
    void registry_twoCodecsForOneSubresource_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new BucketConfigRegistry(List.of(new TinyRefererCodec(), new TinyRefererCodec())));
        assertEquals("two codecs for ?referer", e.getMessage());
    }
}
