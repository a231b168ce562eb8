package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.BucketReferer;
import dev.ossops.GoldenFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RefererCodecTest {
    private final RefererCodec codec = new RefererCodec();

    private static BucketReferer rich() {
        BucketReferer referer = new BucketReferer(false, List.of("https://*.example.com", "http://www.aliyun.com"));
        referer.setAllowTruncateQueryString(false);
        referer.setBlackRefererList(List.of("https://evil.example.com", "*.spam.?om"));
        return referer;
    }

    private static byte[] sdkBody(BucketReferer referer) {
        return SdkWire.body(RequestMarshallers.bucketRefererMarshaller.marshall(referer));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        BucketReferer sent = rich();
        BucketReferer got = ResponseParsers.parseGetBucketReferer(SdkWire.stream(codec.accept(sdkBody(sent))));
        assertEquals(sent.isAllowEmptyReferer(), got.isAllowEmptyReferer());
        assertEquals(sent.isAllowTruncateQueryString(), got.isAllowTruncateQueryString());
        assertEquals(sent.getRefererList(), got.getRefererList());
        assertEquals(sent.getBlackRefererList(), got.getBlackRefererList());
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden("emulator-config/referer.xml", SdkWire.text(codec.accept(sdkBody(rich()))));
    }

    @Test
    void whenUnset_allowsEveryReferer() throws Exception {
        BucketReferer got = ResponseParsers.parseGetBucketReferer(SdkWire.stream(codec.whenUnset("media")));
        assertEquals(true, got.isAllowEmptyReferer());
        assertEquals(null, got.isAllowTruncateQueryString());
        assertEquals(List.of(), got.getRefererList());
        assertEquals(List.of(), got.getBlackRefererList());
        GoldenFiles.assertGolden("emulator-config/referer-unset.xml", SdkWire.text(codec.whenUnset("media")));
    }

    @Test
    void parse_emptyRefererListIsKeptEmpty() {
        RefererConfiguration config = codec.parse(sdkBody(new BucketReferer(true, List.of())));
        assertEquals(new RefererConfiguration(true, true, false, List.of(), List.of()), config);
    }

    @Test
    void accept_truncatePathWithoutTruncateQueryIsInvalidArgument() {
        byte[] body = utf8("<RefererConfiguration><AllowEmptyReferer>true</AllowEmptyReferer>"
                + "<AllowTruncateQueryString>false</AllowTruncateQueryString><TruncatePath>true</TruncatePath>"
                + "<RefererList/></RefererConfiguration>");
        assertInvalid(
                "TruncatePath can be true only when AllowTruncateQueryString is true.",
                "TruncatePath",
                "true",
                () -> codec.accept(body));
    }

    @Test
    void accept_missingAllowEmptyRefererIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<RefererConfiguration><RefererList/></RefererConfiguration>")));
    }

    @Test
    void accept_nonBooleanIsMalformed() {
        assertMalformed(
                () -> codec.accept(
                        utf8(
                                "<RefererConfiguration><AllowEmptyReferer>yes</AllowEmptyReferer><RefererList/></RefererConfiguration>")));
    }
}
