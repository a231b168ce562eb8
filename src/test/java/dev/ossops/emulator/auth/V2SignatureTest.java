package dev.ossops.emulator.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ossops.emulator.auth.V1SignatureTest.param;
import static org.junit.jupiter.api.Assertions.assertEquals;

class V2SignatureTest {

    @Test
    void stringToSign_encodesThePathAndSignsEveryParameterAndTheAdditionalHeaders() {
        V1SignatureTest.Request request = new V1SignatureTest.Request(
                "PUT",
                "/bucket/dir/a b+ü.txt",
                Map.of(
                        "content-type",
                        "text/plain",
                        "content-md5",
                        "MD5==",
                        "x-oss-meta-b",
                        " 2 ",
                        "x-oss-meta-a",
                        "1",
                        "range",
                        "bytes=0-1",
                        "host",
                        "127.0.0.1",
                        "date",
                        "ignored: the caller passes it"),
                List.of(
                        param("uploadId", "A/B=C"),
                        param("prefix", "x y"),
                        param("partNumber", "3"),
                        param("acl", null),
                        param("tagging", "")));
        assertEquals(
                "PUT\nMD5==\ntext/plain\nTue, 21 Nov 2026 17:00:00 GMT\nrange:bytes=0-1\nx-oss-meta-a:1\nx-oss-meta-b:2\n"
                        + "range\n"
                        + "%2Fbucket%2Fdir%2Fa%20b%2B%C3%BC.txt?acl&partNumber=3&prefix=x%20y&tagging&uploadId=A%2FB%3DC",
                V2Signature.stringToSign(request, "Tue, 21 Nov 2026 17:00:00 GMT", Set.of("range"), null));
    }

    @Test
    void stringToSign_presigned_leavesOutTheSignatureAndNamesNoAdditionalHeaders() {
        V1SignatureTest.Request request = new V1SignatureTest.Request(
                "GET",
                "/bucket/k",
                Map.of(),
                List.of(
                        param("x-oss-signature-version", "OSS2"), param("x-oss-expires", "1800000000"),
                        param("x-oss-access-key-id", "LTAI5tOssopsEmulatorRoot"), param("x-oss-signature", "sig")));
        assertEquals(
                "GET\n\n\n1800000000\n\n%2Fbucket%2Fk?x-oss-access-key-id=LTAI5tOssopsEmulatorRoot&x-oss-expires=1800000000"
                        + "&x-oss-signature-version=OSS2",
                V2Signature.stringToSign(request, "1800000000", Set.of(), "x-oss-signature"));
    }

    @Test
    void stringToSign_withoutDate_hasNoDateLine() {
        V1SignatureTest.Request request = new V1SignatureTest.Request("GET", "/", Map.of(), List.of());
        assertEquals("GET\n\n\n\n%2F", V2Signature.stringToSign(request, null, Set.of(), null));
    }

    @Test
    void sign_isBase64HmacSha256() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test vector, in base64.
        assertEquals(
                "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=",
                V2Signature.sign("key", "The quick brown fox jumps over the lazy dog"));
    }

    @Test
    void encoding_javaSdkForm_differsOnlyForLowBytesAndCharactersOutsideTheBmp() {
        assertEquals("a%20%C3%BC%01%F0%9F%98%80", V2Signature.Encoding.RFC_3986.apply("a ü\u0001\uD83D\uDE00"));
        assertEquals("a%20%C3%BC%1%3F%3F", V2Signature.Encoding.JAVA_SDK.apply("a ü\u0001\uD83D\uDE00"));
    }
}
