package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.GetBucketRequestPaymentResult;
import com.aliyun.oss.model.Payer;
import org.junit.jupiter.api.Test;

import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestPaymentCodecTest {
    private final RequestPaymentCodec codec = new RequestPaymentCodec();

    private static byte[] sdkBody(Payer payer) {
        return SdkWire.body(RequestMarshallers.setBucketRequestPaymentRequestMarshaller.marshall(payer.toString()));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        GetBucketRequestPaymentResult got = ResponseParsers.getBucketRequestPaymentResponseParser.parse(
                SdkWire.response(codec.accept(sdkBody(Payer.Requester))));
        assertEquals(Payer.Requester, got.getPayer());
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<RequestPaymentConfiguration><Payer>Requester</Payer></RequestPaymentConfiguration>",
                SdkWire.text(codec.accept(sdkBody(Payer.Requester))));
    }

    @Test
    void whenUnset_isPaidByTheBucketOwner() throws Exception {
        GetBucketRequestPaymentResult got =
                ResponseParsers.getBucketRequestPaymentResponseParser.parse(SdkWire.response(codec.whenUnset("media")));
        assertEquals(Payer.BucketOwner, got.getPayer());
    }

    @Test
    void parse_bothPayers() {
        assertEquals(RequestPaymentCodec.Payer.BucketOwner, codec.parse(sdkBody(Payer.BucketOwner)));
        assertEquals(RequestPaymentCodec.Payer.Requester, codec.parse(sdkBody(Payer.Requester)));
    }

    @Test
    void accept_otherPayerOrShape_isMalformed() {
        assertMalformed(() -> codec.accept(
                utf8("<RequestPaymentConfiguration><Payer>requester</Payer></RequestPaymentConfiguration>")));
        assertMalformed(() -> codec.accept(utf8("<RequestPaymentConfiguration/>")));
        assertMalformed(() -> codec.accept(
                utf8("<RequestPaymentConfiguration><Payer>Requester</Payer><X/></RequestPaymentConfiguration>")));
    }
}
