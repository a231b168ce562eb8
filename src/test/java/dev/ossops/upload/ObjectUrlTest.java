package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectUrlTest {

    private static String error(String url) {
        return assertThrows(UploadException.class, () -> ObjectUrl.parse(url)).getMessage();
    }

    @Test
    void parse_ossUriKeepsKeyAsWritten() {
        ObjectUrl u = ObjectUrl.parse("oss://dashscope-instant/abc/2026-03-04/a b+c%20照片.png");
        assertEquals(ObjectUrl.Kind.OSS_URI, u.kind());
        assertEquals(Optional.of("dashscope-instant"), u.bucket());
        assertEquals(Optional.of("abc/2026-03-04/a b+c%20照片.png"), u.key());
        assertTrue(u.needsCredentials());
        assertEquals("a b+c%20照片.png", u.fileName());
    }

    @Test
    void parse_virtualHostedEndpointDecodesKey() {
        ObjectUrl u = ObjectUrl.parse("https://myapp-prod-media.oss-cn-beijing.aliyuncs.com/up/a%20b+c%E7%85%A7.png");
        assertEquals(ObjectUrl.Kind.OSS_ENDPOINT, u.kind());
        assertEquals(Optional.of("myapp-prod-media"), u.bucket());
        assertEquals(Optional.of("up/a b+c照.png"), u.key());
        assertEquals(Optional.of("oss-cn-beijing.aliyuncs.com"), u.endpoint());
        assertEquals("a b+c照.png", u.fileName());
        assertEquals(
                Optional.of("oss-ap-southeast-1-internal.aliyuncs.com"),
                ObjectUrl.parse("http://b1x.oss-ap-southeast-1-internal.aliyuncs.com/k")
                        .endpoint());
        assertEquals(
                Optional.of("oss-accelerate.aliyuncs.com"),
                ObjectUrl.parse("https://b1x.oss-accelerate.aliyuncs.com/k").endpoint());
    }

    @Test
    void parse_presignedV1AndV4FetchedWithoutCredentials() {
        ObjectUrl v1 = ObjectUrl.parse("https://bkt.oss-cn-beijing.aliyuncs.com/k/x.pdf?Expires=1767225600"
                + "&OSSAccessKeyId=LTAI5tXyZ1234abcd&Signature=abc%3D");
        assertEquals(ObjectUrl.Kind.PRESIGNED, v1.kind());
        assertFalse(v1.needsCredentials());
        assertEquals(Optional.of("k/x.pdf"), v1.key());
        ObjectUrl v4 = ObjectUrl.parse("https://cdn.example.com/k/y.png?x-oss-signature-version=OSS4-HMAC-SHA256"
                + "&x-oss-credential=LTAI%2F20260101%2Fcn-beijing%2Foss%2Faliyun_v4_request&x-oss-signature=deadbeef");
        assertEquals(ObjectUrl.Kind.PRESIGNED, v4.kind());
        assertEquals(Optional.empty(), v4.bucket());
        assertEquals("y.png", v4.fileName());
    }

    @Test
    void parse_otherHttpIsPublic() {
        ObjectUrl u = ObjectUrl.parse("https://example.com/files/report%202026.pdf?download=1");
        assertEquals(ObjectUrl.Kind.PUBLIC, u.kind());
        assertFalse(u.needsCredentials());
        assertEquals("report 2026.pdf", u.fileName());
        assertEquals("download", ObjectUrl.parse("https://example.com/").fileName());
        assertEquals("download", ObjectUrl.parse("https://example.com").fileName());
    }

    @Test
    void parseAll_semicolonSeparated() {
        List<ObjectUrl> urls =
                ObjectUrl.parseAll(" oss://bkt/a.png ; ;https://bkt.oss-cn-hangzhou.aliyuncs.com/b.png;");
        assertEquals(
                List.of(Optional.of("a.png"), Optional.of("b.png")),
                urls.stream().map(ObjectUrl::key).toList());
        assertEquals(
                "no URL given",
                assertThrows(UploadException.class, () -> ObjectUrl.parseAll(" ; "))
                        .getMessage());
    }

    @Test
    void parse_errorsNeverShowTheQuery() {
        assertEquals(
                "unsupported URL scheme 'ftp' in ftp://h/k?… (expected oss, http or https)",
                error("ftp://h/k?Signature=secret"));
        assertEquals("oss:// URL has no object key: oss://bkt", error("oss://bkt"));
        assertEquals(
                "bucket name 'My_Bucket' is invalid: use 3 to 63 lowercase letters, digits and hyphens,"
                        + " starting and ending with a letter or digit",
                error("OSS://My_Bucket/k"));
        assertEquals("oss:// URL has no object key: oss://bkt/", error("oss://bkt/"));
        assertEquals("oss:// URL has no bucket: oss:///k", error("oss:///k"));
        assertEquals(
                "OSS URL has no object key: https://bkt.oss-cn-beijing.aliyuncs.com/",
                error("https://bkt.oss-cn-beijing.aliyuncs.com/"));
        assertEquals("not a URL: a.png (expected oss://bucket/key or an http(s) URL)", error("a.png"));
        assertEquals("not a URL: https://h/a b?… (Illegal character in path)", error("https://h/a b?Signature=s"));
    }

    @Test
    void toString_masksQuery() {
        assertEquals(
                "ObjectUrl[PRESIGNED https://bkt.oss-cn-beijing.aliyuncs.com/k?…]",
                ObjectUrl.parse("https://bkt.oss-cn-beijing.aliyuncs.com/k?Signature=s")
                        .toString());
    }

    private static String nameError(String url) {
        return assertThrows(UploadException.class, () -> ObjectUrl.parse(url).fileName())
                .getMessage();
    }

    @Test
    void fileName_keysThatAreNoSafeFileName_areRefusedNamingTheUrl() {
        assertEquals(
                "oss://bkt/dl/a\\..\\..\\x: refusing to save it as 'a\\..\\..\\x': it contains '\\', a path separator; "
                        + "nothing was written",
                nameError("oss://bkt/dl/a\\..\\..\\x"));
        assertEquals(
                "oss://bkt/dl/..: refusing to save it as '..': '..' names a directory; nothing was written",
                nameError("oss://bkt/dl/.."));
        assertEquals(
                "oss://bkt/./.: refusing to save it as '.': '.' names a directory; nothing was written",
                nameError("oss://bkt/./."));
        assertEquals(
                "oss://bkt/C:evil.exe: refusing to save it as 'C:evil.exe': it contains ':', a drive or stream separator on "
                        + "Windows; nothing was written",
                nameError("oss://bkt/C:evil.exe"));
        assertEquals(
                "https://bkt.oss-cn-beijing.aliyuncs.com/a%00b: refusing to save it as 'a\\x00b': it contains the control "
                        + "character \\x00; nothing was written",
                nameError("https://bkt.oss-cn-beijing.aliyuncs.com/a%00b"));
        assertEquals(
                "https://bkt.oss-cn-beijing.aliyuncs.com/up%2F..: refusing to save it as '..': '..' names a directory; "
                        + "nothing was written",
                nameError("https://bkt.oss-cn-beijing.aliyuncs.com/up%2F.."));
        assertEquals(
                "https://example.com/x/%2E%2E: refusing to save it as '..': '..' names a directory; nothing was written",
                nameError("https://example.com/x/%2E%2E"));
        assertEquals(
                "oss://bkt/photos/: the key ends in '/' (a folder marker), so it names no file; nothing was written",
                nameError("oss://bkt/photos/"));
    }

    @Test
    void fileName_onlyTheLastSegmentCounts() {
        assertEquals("x", ObjectUrl.parse("oss://bkt/../../x").fileName());
        assertEquals(
                "passwd",
                ObjectUrl.parse("https://bkt.oss-cn-beijing.aliyuncs.com/..%2F..%2Fetc%2Fpasswd")
                        .fileName());
    }
}
