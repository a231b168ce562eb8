package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.GetBucketPublicAccessBlockResult;
import com.aliyun.oss.model.GetPublicAccessBlockResult;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.aliyun.oss.model.PutPublicAccessBlockRequest;
import dev.ossops.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicAccessBlockCodecTest {
    private final PublicAccessBlockCodec codec = new PublicAccessBlockCodec();

    private static byte[] sdkBody(boolean block) {
        return SdkWire.body(RequestMarshallers.putBucketPublicAccessBlockRequestMarshaller.marshall(
                new PutBucketPublicAccessBlockRequest("media", block)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void accept_sdkRequestRoundTripsThroughSdkParser(boolean block) throws Exception {
        GetBucketPublicAccessBlockResult got = ResponseParsers.getBucketPublicAccessBlockResponseParser.parse(
                SdkWire.response(codec.accept(sdkBody(block))));
        assertEquals(block, got.getBlockPublicAccess());
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden("emulator-config/public-access-block.xml", SdkWire.text(codec.accept(sdkBody(true))));
    }

    @Test
    void whenUnset_reportsBlockingOff() throws Exception {
        GetBucketPublicAccessBlockResult got = ResponseParsers.getBucketPublicAccessBlockResponseParser.parse(
                SdkWire.response(codec.whenUnset("media")));
        assertEquals(false, got.getBlockPublicAccess());
    }

    /** The account-level APIs send and parse the same document with their own marshaller and parser. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void parseAndRender_accountLevelSdkRequestRoundTripsThroughItsParser(boolean block) throws Exception {
        byte[] body = SdkWire.body(RequestMarshallers.putPublicAccessBlockRequestMarshaller.marshall(
                new PutPublicAccessBlockRequest(block)));
        String rendered = codec.render(codec.parse(body));
        GetPublicAccessBlockResult got =
                ResponseParsers.getPublicAccessBlockResponseParser.parse(SdkWire.response(ConfigXml.xml(rendered)));
        assertEquals(block, got.getBlockPublicAccess());
    }

    @Test
    void accept_missingFlagIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<PublicAccessBlockConfiguration/>")));
    }

    @Test
    void accept_nonBooleanFlagIsMalformed() {
        assertMalformed(
                () -> codec.accept(
                        utf8(
                                "<PublicAccessBlockConfiguration><BlockPublicAccess>on</BlockPublicAccess></PublicAccessBlockConfiguration>")));
    }
}
