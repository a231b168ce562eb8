package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.AccessMonitor;
import com.aliyun.oss.model.PutBucketAccessMonitorRequest;
import org.junit.jupiter.api.Test;

import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessMonitorCodecTest {
    private final AccessMonitorCodec codec = new AccessMonitorCodec();

    private static byte[] sdkBody(String status) {
        return SdkWire.body(RequestMarshallers.putBucketAccessMonitorRequestMarshaller.marshall(
                new PutBucketAccessMonitorRequest("media", status)));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        AccessMonitor got = ResponseParsers.getBucketAccessMonitorResponseParser.parse(
                SdkWire.response(codec.accept(sdkBody("Enabled"))));
        assertEquals("Enabled", got.getStatus());
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<AccessMonitorConfiguration><Status>Enabled</Status></AccessMonitorConfiguration>",
                SdkWire.text(codec.accept(sdkBody("Enabled"))));
    }

    @Test
    void whenUnset_isDisabled() throws Exception {
        assertEquals(
                "Disabled",
                ResponseParsers.getBucketAccessMonitorResponseParser
                        .parse(SdkWire.response(codec.whenUnset("media")))
                        .getStatus());
    }

    @Test
    void parse_enabledAndDisabled() {
        assertTrue(codec.parse(sdkBody("Enabled")));
        assertFalse(codec.parse(sdkBody("Disabled")));
    }

    @Test
    void accept_otherStatusOrShape_isMalformed() {
        assertMalformed(() -> codec.accept(sdkBody("enabled")));
        assertMalformed(() -> codec.accept(utf8("<AccessMonitorConfiguration/>")));
        assertMalformed(() -> codec.accept(utf8("<AccessMonitor><Status>Enabled</Status></AccessMonitor>")));
    }
}
