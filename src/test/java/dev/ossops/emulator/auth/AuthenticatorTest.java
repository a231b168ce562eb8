package dev.ossops.emulator.auth;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.internal.signer.OSSSignerBase;
import com.aliyun.oss.internal.signer.OSSSignerParams;
import com.aliyun.oss.model.GenericRequest;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests signed by the SDK's own signers, verified by the emulator's authenticator. */
class AuthenticatorTest {
    private static final Principal ROOT = new Principal.Root("1680000000000001");
    private static final Credential KEY =
            Credential.permanent("LTAI5tOssopsEmulatorRoot", "secret-value", ROOT, true, List.of());
    private static final Credential STS = new Credential(
            "STS.TestKey0000000000000",
            "sts-secret",
            ROOT,
            true,
            Optional.of("the-token"),
            Optional.of(Instant.now().plusSeconds(600)),
            List.of());
    private static final Credential DISABLED =
            Credential.permanent("LTAI5tDisabledKey0000001", "secret-value", ROOT, false, List.of());
    private static final CredentialLookup KEYS = CredentialLookup.chain(List.of(
            id -> Optional.of(KEY).filter(k -> k.accessKeyId().equals(id)),
            id -> Optional.of(STS).filter(k -> k.accessKeyId().equals(id)),
            id -> Optional.of(DISABLED).filter(k -> k.accessKeyId().equals(id))));

    private static Authenticator authenticator(Duration clockOffset) {
        return new Authenticator(KEYS, Clock.offset(Clock.systemUTC(), clockOffset));
    }

    private static SignableRequest view(RequestMessage message, String resourcePath) {
        Map<String, String> headers = new LinkedHashMap<>();
        message.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        List<Map.Entry<String, String>> query = new ArrayList<>();
        message.getParameters().forEach((k, v) -> query.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return new V1SignatureTest.Request(message.getMethod().name(), resourcePath, headers, query);
    }

    private static RequestMessage message(Map<String, String> headers, Map<String, String> params) {
        RequestMessage message =
                new RequestMessage(new GenericRequest("bucket", "dir/a b.txt"), "bucket", "dir/a b.txt");
        message.setMethod(HttpMethod.PUT);
        message.setEndpoint(java.net.URI.create("http://127.0.0.1:9000"));
        message.setHeaders(new LinkedHashMap<>(headers));
        message.setParameters(new LinkedHashMap<>(params));
        return message;
    }

    private static OSSSignerParams params(Credential key, Date expiration) {
        DefaultCredentials credentials = key.securityToken().isPresent()
                ? new DefaultCredentials(
                        key.accessKeyId(), key.secret(), key.securityToken().get())
                : new DefaultCredentials(key.accessKeyId(), key.secret());
        OSSSignerParams params = new OSSSignerParams("/bucket/dir/a b.txt", credentials);
        params.setProduct("oss");
        params.setRegion("cn-hangzhou");
        params.setExpiration(expiration);
        params.setAdditionalHeaderNames(new java.util.HashSet<>());
        return params;
    }

    private static SignableRequest headerSigned(SignVersion version, Credential key, Map<String, String> headers) {
        RequestMessage message = message(headers, Map.of("partNumber", "1", "uploadId", "ABC"));
        OSSSignerBase.createRequestSigner(version, params(key, null)).sign(message);
        return view(message, "/bucket/dir/a b.txt");
    }

    private static SignableRequest presigned(SignVersion version, Credential key, Date expiration) {
        RequestMessage message = message(Map.of(), Map.of());
        message.setMethod(HttpMethod.GET);
        OSSSignerBase.createRequestPresigner(version, params(key, expiration)).presign(message);
        message.getHeaders().clear();
        return view(message, "/bucket/dir/a b.txt");
    }

    /** V4 signatures also name the region they were signed for (the SDK signs for cn-hangzhou here). */
    private static Caller expected(SignVersion version, Credential key) {
        return version == SignVersion.V4 ? Caller.signedFor(key, "cn-hangzhou") : Caller.of(key);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_sdkHeaderSignature_isTheKeysPrincipal(SignVersion version) {
        SignableRequest request = headerSigned(version, KEY, Map.of("Content-Type", "text/plain", "x-oss-meta-a", "1"));
        assertEquals(expected(version, KEY), authenticator(Duration.ZERO).authenticate(request));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_headerChangedAfterSigning_isSignatureDoesNotMatch(SignVersion version) {
        SignableRequest signed = headerSigned(version, KEY, Map.of("x-oss-meta-a", "1"));
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.put("x-oss-meta-a", "2");
        SignableRequest tampered =
                new V1SignatureTest.Request(signed.method(), signed.resourcePath(), headers, signed.query());
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ZERO).authenticate(tampered));
        assertEquals("SignatureDoesNotMatch", e.error().code());
        assertTrue(e.details()
                .get("StringToSign")
                .contains(version == SignVersion.V4 ? "OSS4-HMAC-SHA256" : "x-oss-meta-a:2"));
        if (version == SignVersion.V4) {
            assertTrue(
                    e.details().get("CanonicalRequest").contains("x-oss-meta-a:2\n"),
                    e.details().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_sdkPresignedUrl_verifiesAndExpires(SignVersion version) {
        SignableRequest request = presigned(version, KEY, new Date(System.currentTimeMillis() + 60_000));
        assertEquals(expected(version, KEY), authenticator(Duration.ZERO).authenticate(request));
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ofMinutes(2)).authenticate(request));
        assertEquals("AccessDenied", e.error().code());
        assertEquals("Request has expired.", e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_serverClockSixteenMinutesAhead_isRequestTimeTooSkewed(SignVersion version) {
        SignableRequest request = headerSigned(version, KEY, Map.of());
        assertEquals(
                expected(version, KEY), authenticator(Duration.ofMinutes(14)).authenticate(request));
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ofMinutes(16)).authenticate(request));
        assertEquals("RequestTimeTooSkewed", e.error().code());
        assertEquals("900000", e.details().get("MaxAllowedSkewMilliseconds"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_stsKey_needsItsTokenAndNeverShowsIt(SignVersion version) {
        assertEquals(
                expected(version, STS),
                authenticator(Duration.ZERO).authenticate(headerSigned(version, STS, Map.of())));
        SignableRequest presigned = presigned(version, STS, new Date(System.currentTimeMillis() + 60_000));
        assertEquals(expected(version, STS), authenticator(Duration.ZERO).authenticate(presigned));

        SignableRequest signed = headerSigned(version, STS, Map.of("x-oss-meta-a", "1"));
        Map<String, String> headers = new LinkedHashMap<>(signed.headers());
        headers.put("x-oss-meta-a", "2");
        OssException mismatch = assertThrows(
                OssException.class,
                () -> authenticator(Duration.ZERO)
                        .authenticate(new V1SignatureTest.Request(
                                signed.method(), signed.resourcePath(), headers, signed.query())));
        assertFalse(
                mismatch.details().toString().contains("the-token"),
                mismatch.details().toString());

        headers.put("x-oss-security-token", "other-token");
        OssException wrong = assertThrows(
                OssException.class,
                () -> authenticator(Duration.ZERO)
                        .authenticate(new V1SignatureTest.Request(
                                signed.method(), signed.resourcePath(), headers, signed.query())));
        assertEquals("InvalidSecurityToken", wrong.error().code());
    }

    /** A presigned URL carries the token as a parameter (V2 signs it, encoded): a mismatch never shows it either. */
    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_presignedStsUrlWithWrongSignature_neverShowsTheToken(SignVersion version) {
        Credential sts = new Credential(
                "STS.TestKey0000000000000",
                "sts-secret",
                ROOT,
                true,
                Optional.of("CAIS+token/with=signs"),
                Optional.of(Instant.now().plusSeconds(600)),
                List.of());
        Authenticator authenticator = new Authenticator(
                id -> Optional.of(sts).filter(k -> k.accessKeyId().equals(id)), Clock.systemUTC());
        SignableRequest presigned = presigned(version, sts, new Date(System.currentTimeMillis() + 60_000));
        assertEquals(expected(version, sts), authenticator.authenticate(presigned));
        String signature = version == SignVersion.V1 ? "Signature" : "x-oss-signature";
        List<Map.Entry<String, String>> tampered = new ArrayList<>();
        presigned
                .query()
                .forEach(p -> tampered.add(
                        p.getKey().equals(signature)
                                ? new AbstractMap.SimpleImmutableEntry<>(signature, "AAAA" + p.getValue())
                                : p));
        OssException e = assertThrows(
                OssException.class,
                () -> authenticator.authenticate(new V1SignatureTest.Request(
                        presigned.method(), presigned.resourcePath(), presigned.headers(), tampered)));
        assertEquals("SignatureDoesNotMatch", e.error().code());
        String shown = e.details().toString();
        assertFalse(shown.contains("CAIS"), shown);
        assertFalse(shown.contains("43 41 49 53"), shown);
        assertTrue(shown.contains("****"), shown);
    }

    @Test
    void authenticate_unknownKey_isInvalidAccessKeyIdMasked() {
        Credential unknown = Credential.permanent("LTAI5tSomebodyElsesKey99", "x", ROOT, true, List.of());
        OssException e = assertThrows(
                OssException.class,
                () -> authenticator(Duration.ZERO).authenticate(headerSigned(SignVersion.V1, unknown, Map.of())));
        assertEquals("InvalidAccessKeyId", e.error().code());
        assertEquals(Map.of("OSSAccessKeyId", "LTAI…ey99"), e.details());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void authenticate_disabledKey_isInvalidAccessKeyIdDisabled(SignVersion version) {
        OssException e = assertThrows(
                OssException.class,
                () -> authenticator(Duration.ZERO).authenticate(headerSigned(version, DISABLED, Map.of())));
        assertEquals("InvalidAccessKeyId", e.error().code());
        assertEquals("The OSS Access Key Id you provided is disabled.", e.getMessage());
        assertEquals(Map.of("OSSAccessKeyId", "LTAI…0001"), e.details());
    }

    @Test
    void authenticate_noCredentials_isAnonymous() {
        SignableRequest request = new V1SignatureTest.Request("GET", "/bucket/key", Map.of(), List.of());
        assertEquals(Caller.anonymous(), authenticator(Duration.ZERO).authenticate(request));
    }

    @Test
    void authenticate_unknownScheme_isInvalidArgument() {
        SignableRequest request =
                new V1SignatureTest.Request("GET", "/", Map.of("authorization", "AWS4-HMAC-SHA256 x"), List.of());
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ZERO).authenticate(request));
        assertEquals("InvalidArgument", e.error().code());
        assertEquals("Authorization header is invalid.", e.getMessage());
    }

    /** The SDK's presigned URL with one query parameter replaced (so its signature no longer matters). */
    private static SignableRequest presignedWith(SignVersion version, String parameter, String value) {
        SignableRequest request = presigned(version, KEY, new Date(System.currentTimeMillis() + 60_000));
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (Map.Entry<String, String> p : request.query()) {
            query.add(new AbstractMap.SimpleImmutableEntry<>(
                    p.getKey(), p.getKey().equals(parameter) ? value : p.getValue()));
        }
        return new V1SignatureTest.Request(request.method(), request.resourcePath(), request.headers(), query);
    }

    @Test
    void authenticate_v4PresignedForEightDays_isRefused() {
        SignableRequest request = presigned(
                SignVersion.V4,
                KEY,
                new Date(System.currentTimeMillis() + Duration.ofDays(8).toMillis()));
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ZERO).authenticate(request));
        assertEquals("InvalidArgument", e.error().code());
        assertEquals("x-oss-expires must be a number of seconds from 1 to 604800.", e.getMessage());
        assertEquals("0002-00000232", e.error().ec());
    }

    @Test
    void authenticate_v4PresignedForSevenDays_isAccepted() {
        SignableRequest request = presigned(
                SignVersion.V4,
                KEY,
                new Date(System.currentTimeMillis() + Duration.ofDays(7).toMillis() - 5_000));
        assertEquals(expected(SignVersion.V4, KEY), authenticator(Duration.ZERO).authenticate(request));
    }

    @Test
    void authenticate_v4ExpiresOverflowingOrZero_isInvalidNot500() {
        for (String value : new String[] {"99999999999999999999", "9223372036854775807", "-1", "0", "1e3", "604801"}) {
            OssException e = assertThrows(
                    OssException.class,
                    () -> authenticator(Duration.ZERO)
                            .authenticate(presignedWith(SignVersion.V4, "x-oss-expires", value)),
                    value);
            assertEquals(OssError.INVALID_V4_EXPIRES, e.error(), value);
        }
    }

    @Test
    void authenticate_v1ExpiresOverflowing_isInvalidNot500() {
        for (String value : new String[] {"99999999999999999999", "-5", "abc", "1.5"}) {
            OssException e = assertThrows(
                    OssException.class,
                    () -> authenticator(Duration.ZERO).authenticate(presignedWith(SignVersion.V1, "Expires", value)),
                    value);
            assertEquals(OssError.INVALID_EXPIRES.ec(), e.error().ec(), value);
            assertEquals("Expires is not a valid number of seconds since the epoch.", e.getMessage(), value);
        }
    }

    @Test
    void authenticate_v1LargestExpires_isASignatureQuestionNotAnOverflow() {
        // The largest long is far beyond any instant, but a valid number: the tampered URL fails its signature.
        OssException e = assertThrows(
                OssException.class,
                () -> authenticator(Duration.ZERO)
                        .authenticate(presignedWith(SignVersion.V1, "Expires", "9223372036854775807")));
        assertEquals("SignatureDoesNotMatch", e.error().code());
    }

    @Test
    void authenticate_v4PresignedFromTheFuture_isNotValidYetBeyondTheSkew() {
        // Signed now; the server's clock 16 minutes behind sees an x-oss-date 16 minutes ahead.
        SignableRequest request = presigned(SignVersion.V4, KEY, new Date(System.currentTimeMillis() + 60_000));
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ofMinutes(-16)).authenticate(request));
        assertEquals(OssError.REQUEST_NOT_YET_VALID, e.error());
        assertEquals("0002-00000235", e.error().ec());
        assertEquals(
                expected(SignVersion.V4, KEY),
                authenticator(Duration.ofMinutes(-14)).authenticate(request));
    }

    @Test
    void authenticate_v4PresignedFromTheFuture_expiresCountFromItsDate() {
        // x-oss-date 14 minutes ahead of the server, 60 seconds of validity: still valid 14 minutes "later"...
        SignableRequest request = presigned(SignVersion.V4, KEY, new Date(System.currentTimeMillis() + 60_000));
        assertEquals(
                expected(SignVersion.V4, KEY),
                authenticator(Duration.ofMinutes(-14)).authenticate(request));
        // ...but never beyond x-oss-date + x-oss-expires.
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ofMinutes(2)).authenticate(request));
        assertEquals("Request has expired.", e.getMessage());
    }

    @Test
    void authenticate_v4RegionThatIsNoRegionId_isInvalidSigningRegion() {
        for (String region :
                new String[] {"oss-cn-hangzhou", "CN-HANGZHOU", "cn_hangzhou", "hangzhou", "cn-hangzhou\r\nX"}) {
            OSSSignerParams header = params(KEY, null);
            header.setRegion(region);
            RequestMessage message = message(Map.of(), Map.of());
            OSSSignerBase.createRequestSigner(SignVersion.V4, header).sign(message);
            OssException e = assertThrows(
                    OssException.class,
                    () -> authenticator(Duration.ZERO).authenticate(view(message, "/bucket/dir/a b.txt")),
                    region);
            assertEquals(OssError.INVALID_SIGNING_REGION, e.error(), region);
            assertEquals("The signing region in credential is invalid.", e.getMessage());
            assertTrue(
                    e.details().get("ArgumentValue").startsWith("LTAI…Root/"),
                    e.details().toString());
        }
    }

    @Test
    void authenticate_v4PresignedWithEndpointFormRegion_isInvalidSigningRegion() {
        SignableRequest request = presignedWith(
                SignVersion.V4,
                "x-oss-credential",
                KEY.accessKeyId() + "/20240101/oss-cn-hangzhou/oss/aliyun_v4_request");
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ZERO).authenticate(request));
        assertEquals(OssError.INVALID_PRESIGNED_SIGNING_REGION, e.error());
        assertEquals("0002-00000226", e.error().ec());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,                                         | 0002-00000102",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,Region:x,Signature:abc                   | 0002-00000102",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,AdditionalHeadershost,Signature:abc      | 0002-00000103",
                "OSS2 AdditionalHeaders:host,Signature:abc                                          | 0002-00000105",
                "OSS2 AccessKeyId:,AdditionalHeaders:host,Signature:abc                             | 0002-00000106",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,AdditionalHeaders:host                   | 0002-00000108",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,AdditionalHeaders:host,Signature:        | 0002-00000109",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,AdditionalHeaders:,Signature:abc         | 0002-00000110",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,AdditionalHeaders:host;,Signature:abc    | 0002-00000111",
                "OSS2 AccessKeyId:LTAI5tOssopsEmulatorRoot,AdditionalHeaders:range,Signature:abc    | 0002-00000112"
            })
    void authenticate_malformedV2Header_answersTheEcOfItsMalformation(String authorization, String ec) {
        SignableRequest request = new V1SignatureTest.Request(
                "GET",
                "/bucket/key",
                Map.of(
                        "authorization",
                        authorization.trim(),
                        "date",
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))),
                List.of());
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ZERO).authenticate(request));
        assertEquals(ec, e.error().ec());
        assertEquals("InvalidArgument", e.error().code());
        assertEquals("Authorization header is invalid.", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "x-oss-access-key-id=LTAI5tOssopsEmulatorRoot&x-oss-signature=abc                        | 0002-00000113",
                "x-oss-access-key-id=LTAI5tOssopsEmulatorRoot&x-oss-expires=soon&x-oss-signature=abc     | 0002-00000070",
                "x-oss-access-key-id=&x-oss-expires=4102444800&x-oss-signature=abc                       | 0002-00000116",
                "x-oss-access-key-id=LTAI5tOssopsEmulatorRoot&x-oss-expires=4102444800                   | 0002-00000117",
                "x-oss-access-key-id=LTAI5tOssopsEmulatorRoot&x-oss-expires=4102444800&x-oss-signature=  | 0002-00000118"
            })
    void authenticate_incompleteV2Url_answersTheEcOfWhatIsMissing(String query, String ec) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        params.add(new AbstractMap.SimpleImmutableEntry<>("x-oss-signature-version", "OSS2"));
        for (String pair : query.trim().split("&")) {
            int eq = pair.indexOf('=');
            params.add(new AbstractMap.SimpleImmutableEntry<>(pair.substring(0, eq), pair.substring(eq + 1)));
        }
        SignableRequest request = new V1SignatureTest.Request("GET", "/bucket/key", Map.of(), params);
        OssException e = assertThrows(
                OssException.class, () -> authenticator(Duration.ZERO).authenticate(request));
        assertEquals(ec, e.error().ec());
        assertEquals("AccessDenied", e.error().code());
    }
}
