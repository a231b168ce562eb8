package dev.ossops.cloud.upload;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.OssClients;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every URL {@link V4GetPresigner} writes is the one the SDK's {@code generatePresignedUrl} writes. */
class V4GetPresignerTest {
    private static final String SECRET = "Xy7kQ2mN9pL4sR8tV1wZ3bC6dF0gH5";
    private static final Pattern DATE = Pattern.compile("[?&]x-oss-date=(\\d{8}T\\d{6}Z)");
    private static final Pattern EXPIRES = Pattern.compile("[?&]x-oss-expires=(\\d+)");
    private static final String[] PIECES = {
        "a", "Z", "0", "photo", ".png", "-", "_", ".", "~", "+", " ", "  ", "*", "'", "(", ")", "!", "@", "#", "$",
        "%", "%2F", "%20", "^", "&", "=", "?", ";", ":", ",", "[", "]", "{", "}", "<", ">", "|", "\\", "\"", "`",
        "ü", "é", "中文", "€", "ß", "\u00a0", "\u3000", "/", "/", "dir/", "😀", "\u007f", "\t", "a\u0301"
    };

    @Test
    void presign_equalsTheSdkUrl_overManyKeys_pathStyleAndVirtualHosted_withAndWithoutToken() {
        List<String> keys = new ArrayList<>(List.of(
                "f00001.bin",
                "qwencloud-uploads/2026-12-08/0b8e2c1a-3f4d-4e5f-9a6b-7c8d9e0f1a2b_a b+c.png",
                "a+b",
                "a b",
                "ü/中文/€",
                "~tilde*star",
                "x/ü€😀?&=#%2F",
                "//lead/",
                "trail/",
                "a//b",
                "/abs",
                "名前 with spaces+plus.txt"));
        Random random = new Random(16);
        for (int i = 0; i < 1500; i++) {
            StringBuilder key = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                key.append(PIECES[random.nextInt(PIECES.length)]);
            }
            keys.add(key.toString());
        }
        int compared = 0;
        for (URI endpoint :
                List.of(URI.create("http://127.0.0.1:9000"), URI.create("https://oss-cn-hangzhou.aliyuncs.com"))) {
            for (Credentials credentials : List.of(
                    Credentials.of("LTAI5tXyZ1234abcd", SECRET),
                    Credentials.temporary(
                            "STS.NUgYrLnoC2JaUx7HSpkyTcnk",
                            SECRET,
                            "CAISzQJ1q6Ft5B2yfSjIr5bSE+/Rt4Zr0bWtXWTJWBIAdKUhtw==",
                            Instant.parse("2099-01-01T00:00:00Z")))) {
                CredentialSource source = source(credentials);
                boolean pathStyle = endpoint.getHost().equals("127.0.0.1");
                CloudTarget target = pathStyle
                        ? CloudTarget.single(endpoint, "cn-hangzhou", source)
                        : CloudTarget.publicEndpoints("cn-hangzhou", source);
                OSS oss = OssClients.create(target, "cn-hangzhou", SignVersion.V4, 1, false);
                V4GetPresigner presigner = V4GetPresigner.of(
                                target.ossEndpoint("cn-hangzhou"), pathStyle, "cn-hangzhou", source)
                        .orElseThrow();
                try {
                    for (String key : keys) {
                        for (long lifetime : new long[] {1, 3600, 86_400, 7 * 86_400}) {
                            Instant expiration =
                                    Instant.ofEpochSecond(Instant.now().getEpochSecond() + lifetime);
                            GeneratePresignedUrlRequest request =
                                    new GeneratePresignedUrlRequest("bkt-01", key, HttpMethod.GET);
                            request.setExpiration(Date.from(expiration));
                            String sdk;
                            try {
                                sdk = oss.generatePresignedUrl(request).toString();
                            } catch (RuntimeException refused) {
                                // The SDK refuses the key: the caller must reach the SDK to be refused the same way.
                                assertTrue(
                                        presigner
                                                .presign("bkt-01", key, expiration, Instant.now())
                                                .isEmpty(),
                                        key);
                                continue;
                            }
                            Optional<String> ours =
                                    presigner.presign("bkt-01", key, expiration, signedAt(sdk, expiration));
                            if (ours.isPresent()) {
                                assertEquals(sdk, ours.get(), key);
                                assertFalse(ours.get().contains(SECRET));
                                compared++;
                            }
                        }
                    }
                } finally {
                    oss.shutdown();
                }
            }
        }
        assertTrue(compared > keys.size() * 4 * 4 / 4, "too few URLs compared: " + compared);
    }

    @Test
    void presign_declinesWhatItWouldNotWriteAsTheSdkDoes() {
        V4GetPresigner presigner = V4GetPresigner.of(
                        URI.create("http://127.0.0.1:9000"), true, "cn-hangzhou", source(Credentials.of("id", SECRET)))
                .orElseThrow();
        Instant now = Instant.parse("2026-12-08T00:00:00Z");
        Instant later = now.plusSeconds(3600);
        assertTrue(presigner.presign("bkt", "k", later, now).isPresent());
        assertTrue(presigner.presign("bkt", "/k", later, now).isEmpty());
        assertTrue(presigner.presign("bkt", "k/", later, now).isEmpty());
        assertTrue(presigner.presign("bkt", "a//b", later, now).isEmpty());
        assertTrue(presigner.presign("bkt", "a\nb", later, now).isEmpty());
        assertTrue(presigner.presign("bkt", "😀", later, now).isEmpty());
        assertTrue(presigner.presign("bkt", "", later, now).isEmpty());
        assertTrue(presigner.presign("Bkt_1", "k", later, now).isEmpty());
        assertTrue(presigner.presign("bkt", "k", now.plusMillis(999), now).isEmpty());
        assertTrue(presigner
                .presign("bkt", "k", now.plusSeconds(7 * 86_400 + 1), now)
                .isEmpty());
        assertTrue(V4GetPresigner.of(
                        URI.create("http://h:1/base"), true, "cn-hangzhou", source(Credentials.of("id", SECRET)))
                .isEmpty());
        assertTrue(
                V4GetPresigner.of(URI.create("http://H:1"), true, "cn-hangzhou", source(Credentials.of("id", SECRET)))
                        .isEmpty());
    }

    /** The instant the SDK signed at, to the second, with a millisecond more when its lifetime lost one to them. */
    private static Instant signedAt(String url, Instant expiration) {
        Matcher date = DATE.matcher(url);
        Matcher expires = EXPIRES.matcher(url);
        assertTrue(date.find() && expires.find(), url);
        Instant second = LocalDateTime.parse(date.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);
        long whole = (expiration.toEpochMilli() - second.toEpochMilli()) / 1000;
        return whole == Long.parseLong(expires.group(1)) ? second : second.plusMillis(1);
    }

    private static CredentialSource source(Credentials credentials) {
        return new CredentialSource() {
            @Override
            public Credentials resolve() {
                return credentials;
            }

            @Override
            public String describe() {
                return "test";
            }
        };
    }
}
