package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.BucketLoggingResult;
import com.aliyun.oss.model.SetBucketLoggingRequest;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.error.OssError;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.OssAssert.assertOssError;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LoggingCodecTest {
    private final LoggingCodec codec = new LoggingCodec();

    private static byte[] sdkBody(String target, String prefix) {
        SetBucketLoggingRequest request = new SetBucketLoggingRequest("media");
        request.setTargetBucket(target);
        request.setTargetPrefix(prefix);
        return SdkWire.body(RequestMarshallers.setBucketLoggingRequestMarshaller.marshall(request));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        BucketLoggingResult got =
                ResponseParsers.parseBucketLogging(SdkWire.stream(codec.accept(sdkBody("myapp-prod-logs", "access/"))));
        assertEquals("myapp-prod-logs", got.getTargetBucket());
        assertEquals("access/", got.getTargetPrefix());
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden(
                "emulator-config/logging.xml", SdkWire.text(codec.accept(sdkBody("myapp-prod-logs", "access/"))));
    }

    @Test
    void parse_exposesTargetForTheService() {
        assertEquals(
                new LoggingConfiguration(Optional.of("logs-bucket"), Optional.empty()),
                codec.parse(sdkBody("logs-bucket", null)));
    }

    @Test
    void accept_withoutPrefix_answersAnEmptyTargetPrefix() throws Exception {
        BucketLoggingResult got =
                ResponseParsers.parseBucketLogging(SdkWire.stream(codec.accept(sdkBody("logs-bucket", null))));
        assertEquals("logs-bucket", got.getTargetBucket());
        assertEquals("", got.getTargetPrefix());
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BucketLoggingStatus><LoggingEnabled>"
                        + "<TargetBucket>logs-bucket</TargetBucket><TargetPrefix></TargetPrefix></LoggingEnabled></BucketLoggingStatus>",
                SdkWire.text(codec.accept(sdkBody("logs-bucket", null))));
    }

    @Test
    void parse_emptyStatusDisablesLogging() {
        LoggingConfiguration config = codec.parse(sdkBody(null, null));
        assertEquals(false, config.enabled());
    }

    @Test
    void whenUnset_answersEmptyStatus() throws Exception {
        BucketLoggingResult got = ResponseParsers.parseBucketLogging(SdkWire.stream(codec.whenUnset("media")));
        assertNull(got.getTargetBucket());
        GoldenFiles.assertGolden("emulator-config/logging-unset.xml", SdkWire.text(codec.whenUnset("media")));
    }

    @Test
    void accept_invalidTargetBucketNameIsInvalidArgument() {
        assertInvalid(
                "The target bucket name is not valid.",
                "TargetBucket",
                "Logs_Bucket",
                () -> codec.accept(sdkBody("Logs_Bucket", null)));
    }

    @Test
    void accept_prefixOf256Characters_isAccepted() throws Exception {
        String prefix = "p".repeat(256);
        BucketLoggingResult got =
                ResponseParsers.parseBucketLogging(SdkWire.stream(codec.accept(sdkBody("logs-bucket", prefix))));
        assertEquals(prefix, got.getTargetPrefix());
    }

    @Test
    void accept_prefixLongerThan256_isInvalidArgumentWithOssEc() {
        String prefix = "p".repeat(257);
        assertOssError(
                OssError.LOGGING_PREFIX_TOO_LONG,
                "TargetPrefix can be at most 256 characters long.",
                Map.of("ArgumentName", "TargetPrefix", "ArgumentValue", prefix),
                () -> codec.accept(sdkBody("logs-bucket", prefix)));
        assertEquals("0032-00000006", OssError.LOGGING_PREFIX_TOO_LONG.ec());
    }

    @Test
    void accept_prefixStartingWithASlash_isInvalidArgumentWithOssEc() {
        for (String prefix : new String[] {"/abc", "\\abc"}) {
            assertOssError(
                    OssError.INVALID_LOGGING_PREFIX,
                    "TargetPrefix must not start with '/' or '\\'.",
                    Map.of("ArgumentName", "TargetPrefix", "ArgumentValue", prefix),
                    () -> codec.accept(sdkBody("logs-bucket", prefix)));
        }
        assertEquals("0032-00000005", OssError.INVALID_LOGGING_PREFIX.ec());
    }

    @Test
    void accept_loggingEnabledWithoutTargetIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<BucketLoggingStatus><LoggingEnabled/></BucketLoggingStatus>")));
    }
}
