package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResourceGroupCodecTest {
    private final ResourceGroupCodec codec = new ResourceGroupCodec();

    private static byte[] sdkBody(String group) {
        return SdkWire.body(RequestMarshallers.setBucketResourceGroupRequestMarshaller.marshall(group));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        assertEquals(
                "rg-aek27tc0001",
                ResponseParsers.getBucketResourceGroupResponseParser
                        .parse(SdkWire.response(codec.accept(sdkBody("rg-aek27tc0001"))))
                        .getResourceGroupId());
    }

    @Test
    void whenUnset_isTheDefaultGroup() throws Exception {
        assertEquals(
                "rg-default-id",
                ResponseParsers.getBucketResourceGroupResponseParser
                        .parse(SdkWire.response(codec.whenUnset("media")))
                        .getResourceGroupId());
    }

    @Test
    void checkId_blankIsTheDefaultAndOthersNeedTheRgPrefix() {
        assertEquals("rg-default-id", ResourceGroupCodec.checkId(""));
        assertEquals("rg-x", ResourceGroupCodec.checkId("rg-x"));
        for (String bad : new String[] {"r-aek27tc", "rg-", "rg-a/b", "rg-a\nb", "rg-" + "a".repeat(62)}) {
            OssException e = assertThrows(OssException.class, () -> ResourceGroupCodec.checkId(bad), bad);
            assertEquals(OssError.INVALID_RESOURCE_GROUP_ID, e.error());
        }
    }

    @Test
    void parse_otherElementsOrNoId_isMalformed() {
        assertMalformed(() ->
                codec.parse("<BucketResourceGroupConfiguration><Other>x</Other></BucketResourceGroupConfiguration>"
                        .getBytes(StandardCharsets.UTF_8)));
        assertMalformed(() -> codec.parse("<BucketResourceGroupConfiguration/>".getBytes(StandardCharsets.UTF_8)));
    }
}
