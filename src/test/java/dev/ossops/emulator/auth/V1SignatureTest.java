package dev.ossops.emulator.auth;

import com.aliyun.oss.internal.SignParameters;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class V1SignatureTest {

    /** A request as the verifier sees it. */
    record Request(
            String method, String resourcePath, Map<String, String> headers, List<Map.Entry<String, String>> query)
            implements SignableRequest {}

    static Map.Entry<String, String> param(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    @Test
    void signedSubresources_equalTheSdksList() {
        assertEquals(new HashSet<>(SignParameters.SIGNED_PARAMTERS), V1Signature.SIGNED_SUBRESOURCES);
    }

    @Test
    void stringToSign_sortsOssHeadersAndSignedSubresourcesOnly() {
        Request request = new Request(
                "PUT",
                "/bucket/dir/a b.txt",
                Map.of(
                        "content-type",
                        "text/plain",
                        "content-md5",
                        "MD5==",
                        "x-oss-meta-b",
                        " 2 ",
                        "x-oss-meta-a",
                        "1",
                        "date",
                        "ignored here",
                        "host",
                        "127.0.0.1"),
                List.of(
                        param("uploadId", "ABC"),
                        param("prefix", "ignored"),
                        param("partNumber", "3"),
                        param("acl", null)));
        assertEquals(
                "PUT\nMD5==\ntext/plain\nTue, 21 Nov 2026 17:00:00 GMT\nx-oss-meta-a:1\nx-oss-meta-b:2\n"
                        + "/bucket/dir/a b.txt?acl&partNumber=3&uploadId=ABC",
                V1Signature.stringToSign(request, "Tue, 21 Nov 2026 17:00:00 GMT"));
    }

    @Test
    void sign_isBase64HmacSha1() {
        // HMAC-SHA1("key", "The quick brown fox jumps over the lazy dog"), a published test vector.
        assertEquals(
                "3nybhbi3iqa8ino29wqQcBydtNk=", V1Signature.sign("key", "The quick brown fox jumps over the lazy dog"));
    }
}
