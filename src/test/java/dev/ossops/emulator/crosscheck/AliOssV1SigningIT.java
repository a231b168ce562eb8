package dev.ossops.emulator.crosscheck;

import com.aliyun.oss.OSS;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two ways ali-oss 6.23 signs V1 requests differently from the Java SDK, reduced to single
 * requests (what AliOssCrossCheckIT's V1 run trips over). ali-oss works against real OSS with
 * both, so the emulator must accept them:
 * <ul>
 * <li>it sends no Date header, only {@code x-oss-date}, and signs that value in the Date line
 *     (lib/common/utils/createRequest.js and signUtils.buildCanonicalString);</li>
 * <li>it sends sub-resources as {@code ?acl=} (url.format of {acl: ''}) but signs them as
 *     {@code ?acl} (signUtils.buildCanonicalizedResource leaves out '=' for an empty value).</li>
 * </ul>
 * Each case has a control that differs only in the one detail and passes today.
 */
@ExtendWith(EmulatorExtension.class)
class AliOssV1SigningIT {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void getBucketAcl_dateHeader_control(EmulatorClients oss, OSS v4) throws Exception {
        String bucket = bucket(oss, v4);
        String date = RFC_1123.format(ZonedDateTime.now());
        String signature = sign(oss.secret(), "GET\n\n\n" + date + "\n/" + bucket + "/?acl");

        HttpResponse<String> response = send(oss, "/" + bucket + "/?acl", "Date", date, signature);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void getBucketAcl_onlyXOssDateSignedInDateLine_accepted(EmulatorClients oss, OSS v4) throws Exception {
        String bucket = bucket(oss, v4);
        String date = RFC_1123.format(ZonedDateTime.now());
        String signature = sign(oss.secret(), "GET\n\n\n" + date + "\nx-oss-date:" + date + "\n/" + bucket + "/?acl");

        HttpResponse<String> response = send(oss, "/" + bucket + "/?acl", "x-oss-date", date, signature);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void getBucketAcl_emptyValuedSubresourceSignedWithoutEquals_accepted(EmulatorClients oss, OSS v4) throws Exception {
        String bucket = bucket(oss, v4);
        String date = RFC_1123.format(ZonedDateTime.now());
        String signature = sign(oss.secret(), "GET\n\n\n" + date + "\n/" + bucket + "/?acl");

        HttpResponse<String> response = send(oss, "/" + bucket + "/?acl=", "Date", date, signature);

        assertEquals(200, response.statusCode(), response.body());
    }

    private static String bucket(EmulatorClients oss, OSS v4) {
        String bucket = oss.bucketName("v1-signing");
        v4.createBucket(bucket);
        return bucket;
    }

    private HttpResponse<String> send(
            EmulatorClients oss, String pathAndQuery, String dateHeader, String date, String signature)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(oss.endpoint() + pathAndQuery))
                .header(dateHeader, date)
                .header("Authorization", "OSS " + oss.keyId() + ":" + signature)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String sign(String secret, String stringToSign) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }
}
