package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {
    private static final String V1 = "https://bkt.oss-cn-beijing.aliyuncs.com/qwencloud-uploads/a%20b.png"
            + "?Expires=1767225600&OSSAccessKeyId=LTAI5tXyZ1234abcd&Signature=abc%2Bdef%3D";
    private static final String V4 = "https://bkt.oss-cn-beijing.aliyuncs.com/k.png?x-oss-credential=LTAI5t%2F20260101"
            + "&x-oss-date=20260101T000000Z&x-oss-expires=3600&x-oss-signature=deadbeef&x-oss-security-token=CAIS";

    @Test
    void displayUrl_stripsQuery() {
        assertEquals("https://bkt.oss-cn-beijing.aliyuncs.com/qwencloud-uploads/a%20b.png?…", Masking.displayUrl(V1));
        assertEquals("https://bkt.oss-cn-beijing.aliyuncs.com/k.png?…", Masking.displayUrl(V4));
    }

    @Test
    void displayUrl_keepsUrlWithoutQuery() {
        assertEquals("https://b.e/k", Masking.displayUrl("https://b.e/k"));
        assertEquals("oss://bkt/dir/k.png", Masking.displayUrl("oss://bkt/dir/k.png"));
    }

    @Test
    void displayUrl_dropsUserInfoAndFragment() {
        assertEquals(
                "http://127.0.0.1:9000/b/k?…",
                Masking.displayUrl("http://user:pw@127.0.0.1:9000/b/k?Signature=x#frag"));
        assertEquals("https://b.e/k", Masking.displayUrl("https://b.e/k#x"));
    }

    @Test
    void displayUrl_relativeStillLosesQuery() {
        assertEquals("/k.png?…", Masking.displayUrl("/k.png?Signature=abc"));
    }

    @Test
    void failure_rendersUrlAndReasonSafely() {
        // A query runs to the next whitespace: a closing parenthesis goes with it rather than risk leaking.
        assertEquals(
                "cannot download https://bkt.oss-cn-beijing.aliyuncs.com/k.png?…: 403 AccessDenied (see "
                        + "https://api.aliyun.com/troubleshoot?…",
                Masking.failure(
                        "cannot download",
                        V4,
                        "403 AccessDenied (see https://api.aliyun.com/troubleshoot?q=0003-00000001)"));
    }
}
