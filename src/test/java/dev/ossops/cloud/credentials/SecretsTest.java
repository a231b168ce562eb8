package dev.ossops.cloud.credentials;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {

    @Test
    void maskAccessKeyId_keepsFirstAndLastFour() {
        assertEquals("LTAI…abcd", Secrets.maskAccessKeyId("LTAI5tXyZ1234abcd"));
    }

    @Test
    void maskAccessKeyId_shortIdShowsNothing() {
        assertEquals("…", Secrets.maskAccessKeyId("LTAIabcd"));
    }

    @Test
    void maskAccessKeyId_missingId() {
        assertEquals("(none)", Secrets.maskAccessKeyId(null));
        assertEquals("(none)", Secrets.maskAccessKeyId(""));
    }

    @Test
    void credentialsToString_neverShowsSecretOrToken() {
        Credentials c = Credentials.temporary(
                "STS.NUxyz0123456789", "s3cr3t-value", "token-value", Instant.parse("2026-01-01T00:00:00Z"));
        String text = c.toString();
        assertEquals("Credentials[STS.…6789, sts, expires 2026-01-01T00:00:00Z]", text);
        assertFalse(text.contains("s3cr3t-value"));
        assertFalse(text.contains("token-value"));
    }

    private static final String TOKEN = "CAISzQJ1q6Ft5B2yfSjIr5bSE+/Rt4Zr0bWtXWTJWBIAdKUhtw==";
    private static final String SECRET = "Xy7kQ2mN9pL4sR8tV1wZ3bC6dF0gH5";

    @Test
    void redact_rpcStringToSign_tokenEncodedOnceAndTwice() {
        // POP's string to sign percent-encodes each parameter, then the whole query again: '=' is %3D, '&' is %26,
        // and the token's own '+', '/', '=' become %252B, %252F, %253D.
        String message =
                "SignatureDoesNotMatch: Specified signature is not matched with our calculation. server string to sign is:"
                        + "GET&%2F&AccessKeyId%3DSTS.NUgYrLnoC2JaUx7HSpkyTcnk%26Action%3DAssumeRole%26SecurityToken%3DCAISzQJ1q6Ft5B2yfSjIr5bSE"
                        + "%252B%252FRt4Zr0bWtXWTJWBIAdKUhtw%253D%253D%26SignatureMethod%3DHMAC-SHA1";
        assertEquals(
                "SignatureDoesNotMatch: Specified signature is not matched with our calculation. server string to sign is:"
                        + "GET&%2F&AccessKeyId%3DSTS.…Tcnk%26Action%3DAssumeRole%26SecurityToken%3D…%26SignatureMethod%3DHMAC-SHA1",
                Secrets.redact(message));
    }

    @Test
    void redact_rpcStringToSignEncodedAgain_stillFindsTheToken() {
        assertEquals(
                "q=GET%2526%252F%2526SecurityToken%253D…%2526Timestamp%253D2026",
                Secrets.redact(
                        "q=GET%2526%252F%2526SecurityToken%253DCAISzQJ1q6Ft5B2yfSjIr5bSE%25252B%25252FRt4Zr0bW%2526Timestamp%253D2026"));
    }

    @Test
    void redact_ossStringToSign_securityTokenLineAndBytes() {
        String body = "<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nThu, 01 Jan 2026 00:00:00 GMT\n"
                + "x-oss-security-token:" + TOKEN + "\n/bkt/k</StringToSign>"
                + "<StringToSignBytes>47 45 54 0A 0A 0A 78 2D 6F 73 73</StringToSignBytes>"
                + "<SignatureProvided>n7fNFEz+9dbB1bG2KmpYgNNkG0w=</SignatureProvided><OSSAccessKeyId>LTAI5tXyZ1234abcd</OSSAccessKeyId></Error>";
        assertEquals(
                "<Error><Code>SignatureDoesNotMatch</Code><StringToSign>GET\n\n\nThu, 01 Jan 2026 00:00:00 GMT\n"
                        + "x-oss-security-token:…\n/bkt/k</StringToSign><StringToSignBytes>…</StringToSignBytes>"
                        + "<SignatureProvided>…</SignatureProvided><OSSAccessKeyId>LTAI…abcd</OSSAccessKeyId></Error>",
                Secrets.redact(body));
    }

    @Test
    void redact_presignStringToSign_tokenInTheResource() {
        assertEquals(
                "GET\n\n\n1767225600\n/bkt/k?security-token=…",
                Secrets.redact("GET\n\n\n1767225600\n/bkt/k?security-token=" + TOKEN));
    }

    @Test
    void redact_presignedUrlsInErrorText_loseTheirQuery() {
        // A query runs to the next space or quote: a closing parenthesis goes with it rather than risk a leak.
        assertEquals(
                "GET https://bkt.oss-cn-beijing.aliyuncs.com/a%20b.png?… failed (see https://api.aliyun.com/troubleshoot?…",
                Secrets.redact(
                        "GET https://bkt.oss-cn-beijing.aliyuncs.com/a%20b.png?Expires=1767225600&OSSAccessKeyId=LTAI5tXyZ1234abcd"
                                + "&Signature=abc%2Bdef%3D failed (see https://api.aliyun.com/troubleshoot?q=0003-00000001)"));
        assertEquals(
                "<Location>http://127.0.0.1:9000/b/k?…</Location>",
                Secrets.redact("<Location>http://user:pw@127.0.0.1:9000/b/k?x-oss-signature=ff00&x-oss-security-token="
                        + TOKEN + "#frag</Location>"));
    }

    @Test
    void redact_queryParametersOutsideAUrl_areCut() {
        assertEquals(
                "/bkt/k?OSSAccessKeyId=LTAI…abcd&Expires=1&Signature=…&security-token=…",
                Secrets.redact("/bkt/k?OSSAccessKeyId=LTAI5tXyZ1234abcd&Expires=1&Signature=abc%2Fdef&security-token="
                        + TOKEN));
        assertEquals(
                "x-oss-credential=…&x-oss-signature=…",
                Secrets.redact(
                        "x-oss-credential=LTAI5tXyZ1234abcd/20260101/cn-hangzhou/oss/aliyun_v4_request&x-oss-signature=ff00"));
    }

    @Test
    void redact_authorizationHeaders_keepAMaskedId() {
        assertEquals(
                "Authorization: OSS LTAI…abcd:…",
                Secrets.redact("Authorization: OSS LTAI5tXyZ1234abcd:n7fNFEz+9dbB1bG2KmpYgNNkG0w="));
        assertEquals(
                "Authorization: OSS4-HMAC-SHA256 Credential=LTAI…abcd/20260101/cn-hangzhou/oss/aliyun_v4_request,Signature=…",
                Secrets.redact(
                        "Authorization: OSS4-HMAC-SHA256 Credential=LTAI5tXyZ1234abcd/20260101/cn-hangzhou/oss/aliyun_v4_request,"
                                + "Signature=6e2fa1b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f"));
    }

    @Test
    void redact_jsonAndXmlCredentials_hideSecretAndToken() {
        assertEquals(
                "{\"AccessKeyId\": \"STS.…Tcnk\", \"AccessKeySecret\": \"…\", \"SecurityToken\":\"…\"}",
                Secrets.redact("{\"AccessKeyId\": \"STS.NUgYrLnoC2JaUx7HSpkyTcnk\", \"AccessKeySecret\": \"" + SECRET
                        + "\", \"SecurityToken\":\"" + TOKEN + "\"}"));
        assertEquals(
                "<AccessKeySecret>…</AccessKeySecret><SecurityToken>…</SecurityToken>",
                Secrets.redact("<AccessKeySecret>" + SECRET + "</AccessKeySecret><SecurityToken>" + TOKEN
                        + "</SecurityToken>"));
        assertEquals(
                "{\\\"access_key_secret\\\":\\\"…\\\"}",
                Secrets.redact("{\\\"access_key_secret\\\":\\\"" + SECRET + "\\\"}"));
    }

    @Test
    void redact_environmentStyleAssignments_hideTheValue() {
        assertEquals(
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET=… OSS_SESSION_TOKEN=… sts_token: …",
                Secrets.redact("ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + SECRET + " OSS_SESSION_TOKEN=" + TOKEN
                        + " sts_token: " + TOKEN));
    }

    @Test
    void redact_headerStyleLineWithASpace_hidesATokenButNotProse() {
        assertEquals(
                "x-oss-security-token: …\nSignatureProvided: …",
                Secrets.redact("x-oss-security-token: " + TOKEN + "\nSignatureProvided: n7fNFEz+9dbB1bG2KmpYgNNkG0w="));
        assertEquals("signature: does not match", Secrets.redact("signature: does not match"));
    }

    @Test
    void redact_bareSecretsTokensAndKeys_replaced() {
        assertEquals(
                "key LTAI…abcd with (secret not shown) and (STS token not shown), api key sk-…cdef",
                Secrets.redact("key LTAI5tXyZ1234abcd with " + SECRET + " and " + TOKEN
                        + ", api key sk-0123456789abcdef0123456789abcdef"));
        assertEquals(
                "(STS token not shown)%26Version",
                Secrets.redact("CAISzQJ1q6Ft5B2yfSjIr5bSE%252B%252FRt4Zr0bW%26Version"));
    }

    @Test
    void redact_ordinaryText_unchanged() {
        for (String text : new String[] {
            "NoSuchKey: The specified key does not exist. (request id 5F0000000000000000000001)",
            "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.",
            "GET&%2F&Action%3DGetUser%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dabc%26SignatureVersion%3D1.0",
            "etag 5B3C1A72E2E0D3B8C9F0A1B2C3D4E5F6, crc64 1234567890123456789, key uploads/2026/photo_v2.png",
            "NextToken=abc ContinuationToken: x",
            "SDK.InvalidAccessKeySecret: Specified Access Key Secret is not valid.",
            "InvalidSecurityToken.Expired: Specified SecurityToken is expired.",
            "MissingSecurityToken: SecurityToken is mandatory for this action."
        }) {
            assertEquals(text, Secrets.redact(text));
        }
        assertEquals("", Secrets.redact(null));
    }

    @Test
    void redact_isIdempotent() {
        String once = Secrets.redact(
                "x-oss-security-token:" + TOKEN + " https://h/k?Signature=s LTAI5tXyZ1234abcd " + SECRET);
        assertEquals(once, Secrets.redact(once));
    }

    @Test
    void holdsNoSecret_onlyForTextThePatternsLeaveAlone() {
        // Fragments the patterns look for, in pieces and whole, mixed with ordinary text at random: whenever the
        // quick check lets a text through, the patterns must leave it unchanged.
        String[] pieces = {
            "progress: done ",
            "f00001.bin",
            " (16.0 KiB)",
            "uploaded 3, skipped 0, failed 0 in 1.2s",
            " ",
            "\n",
            "=",
            ":",
            ": ",
            "\"",
            "'",
            "<",
            ">",
            "/",
            "?",
            "&",
            "%",
            "%3D",
            "%253D",
            "%26",
            "+",
            "#",
            "@",
            ".",
            "-",
            "_",
            "https",
            "://",
            "http://h/k?x=1",
            "OSS",
            "OSS ",
            "acs ",
            "acs",
            "CAIS",
            "sk-",
            "LTAI",
            "STS.",
            "secret",
            "SeCrEt",
            "token",
            "TOKEN",
            "signature",
            "Signature",
            "credential",
            "x-oss-",
            "<StringToSignBytes>",
            "</StringToSignBytes>",
            "0123456789",
            "abcdefghij",
            "ABCDEFGHIJ",
            "Xy7kQ2mN9p",
            "\u00e9",
            "\u212a",
            TOKEN,
            SECRET,
            "LTAI5tXyZ1234abcd",
            "sk-0123456789abcdef0123456789abcdef"
        };
        java.util.Random random = new java.util.Random(16);
        int passed = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            if (Secrets.holdsNoSecret(s)) {
                passed++;
                assertEquals(s, Secrets.redactAlways(s), s);
            }
        }
        assertTrue(passed > 10_000, "the check let too few texts through to prove anything: " + passed);
        assertTrue(Secrets.holdsNoSecret("progress: done photos/2026/a b+c.png (16.0 KiB)"));
        assertFalse(Secrets.holdsNoSecret("key LTAI5tXyZ1234abcd"));
        assertFalse(Secrets.holdsNoSecret(SECRET));
    }
}
