package dev.ossops.emulator.rpc;

import com.aliyuncs.auth.HmacSHA1Signer;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.http.MethodType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

// HmacSHA1Signer is deprecated in the core SDK but is still what RpcAcsRequest signs with.
@SuppressWarnings("deprecation")
class RpcSignatureTest {

    private static Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Version", "2015-05-01");
        p.put("Action", "CreateUser");
        p.put("UserName", "alice smith*~");
        p.put("Format", "JSON");
        p.put("AccessKeyId", "testid");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("Signature", "ignored");
        return p;
    }

    @Test
    void stringToSign_sortsEncodesAndSkipsSignature() {
        assertEquals(
                "POST&%2F&AccessKeyId%3Dtestid%26Action%3DCreateUser%26Format%3DJSON"
                        + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                        + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z"
                        + "%26UserName%3Dalice%2520smith%252A~%26Version%3D2015-05-01",
                RpcSignature.stringToSign("POST", parameters()));
    }

    @Test
    void stringToSign_equalsTheSdkComposer() {
        Map<String, String> withoutSignature = new LinkedHashMap<>(parameters());
        withoutSignature.remove("Signature");
        String sdk = RpcSignatureComposer.getComposer()
                .composeStringToSign(MethodType.GET, null, new HmacSHA1Signer(), withoutSignature, null, null);
        assertEquals(sdk, RpcSignature.stringToSign("GET", parameters()));
    }

    @Test
    void sign_equalsTheSdkSigner() {
        String stringToSign = RpcSignature.stringToSign("GET", parameters());
        assertEquals(
                new HmacSHA1Signer().signString(stringToSign, "testsecret&"),
                RpcSignature.sign(stringToSign, "testsecret"));
    }

    @Test
    void sign_documentedExample() {
        // The worked example of the POP signature documentation (secret "testsecret").
        assertEquals(
                "OLeaidS1JvxuMvnyHOwuJ+uX5qY=",
                RpcSignature.sign(
                        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
                                + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
                                + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                        "testsecret"));
    }

    @Test
    void percentEncode_rfc3986() {
        assertEquals("a%20b%2A~%2F%3D%26%E4%B8%AD", RpcSignature.percentEncode("a b*~/=&中"));
    }

    @Test
    void matches_comparesExactly() {
        assertTrue(RpcSignature.matches("abc=", "abc="));
        assertFalse(RpcSignature.matches("abc=", "abd="));
    }
}
