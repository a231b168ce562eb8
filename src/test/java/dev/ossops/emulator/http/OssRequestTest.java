package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OssRequestTest {
    private static OssRequest parse(String host, String path, String query) {
        IncomingRequest incoming = new IncomingRequest(
                "get",
                path,
                query,
                List.of(Map.entry("Host", host), Map.entry("X-OSS-Meta-A", "1"), Map.entry("x-oss-meta-a", "2")),
                InputStream.nullInputStream());
        return OssRequest.from(incoming, Set.of("localhost"));
    }

    @Test
    void from_pathStyle_splitsBucketAndDecodedKey() {
        OssRequest r = parse("127.0.0.1:9000", "/bucket/dir/a%20b%2Bc.txt", null);
        assertEquals("GET", r.method());
        assertEquals("bucket", r.bucket());
        assertEquals("dir/a b+c.txt", r.key());
        assertEquals("/bucket/dir/a b+c.txt", r.resourcePath());
    }

    @Test
    void from_bucketAndServicePaths_haveNoKey() {
        assertNull(parse("127.0.0.1", "/bucket/", null).key());
        assertEquals("/bucket/", parse("127.0.0.1", "/bucket", null).resourcePath());
        assertNull(parse("127.0.0.1", "/", null).bucket());
        assertEquals("/", parse("127.0.0.1", "/", null).resourcePath());
    }

    @Test
    void from_virtualHost_takesBucketFromHost() {
        OssRequest r = parse("my-bucket.localhost:9000", "/dir/k", null);
        assertEquals("my-bucket", r.bucket());
        assertEquals("dir/k", r.key());
        assertEquals("/my-bucket/dir/k", r.resourcePath());
    }

    @Test
    void from_query_distinguishesNoValueFromEmptyAndDecodes() {
        OssRequest r = parse("127.0.0.1", "/b", "acl&prefix=&delimiter=%2F&x=a+b");
        assertEquals(Map.entry("acl", "x").getKey(), r.query().get(0).getKey());
        assertNull(r.query().get(0).getValue());
        assertEquals("", r.query().get(1).getValue());
        assertEquals("", r.param("acl"));
        assertEquals("/", r.param("delimiter"));
        assertEquals("a b", r.param("x"));
        assertNull(r.param("missing"));
    }

    @Test
    void from_repeatedHeaders_areJoinedUnderLowerCaseName() {
        assertEquals("1,2", parse("127.0.0.1", "/", null).headers().get("x-oss-meta-a"));
    }
}
