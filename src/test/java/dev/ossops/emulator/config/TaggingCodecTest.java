package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.SetBucketTaggingRequest;
import com.aliyun.oss.model.TagSet;
import dev.ossops.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TaggingCodecTest {
    private final TaggingCodec codec = new TaggingCodec();

    private static byte[] sdkBody(Map<String, String> tags) {
        return SdkWire.body(RequestMarshallers.setBucketTaggingRequestMarshaller.marshall(
                new SetBucketTaggingRequest("media", tags)));
    }

    private static Map<String, String> richTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("team", "media/web 2026");
        tags.put("empty", "");
        tags.put("k".repeat(64), "v".repeat(128));
        return tags;
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        TagSet parsed = ResponseParsers.parseGetBucketTagging(SdkWire.stream(codec.accept(sdkBody(richTags()))));
        assertEquals(richTags(), parsed.getAllTags());
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden("emulator-config/tagging.xml", SdkWire.text(codec.accept(sdkBody(richTags()))));
    }

    @Test
    void whenUnset_answersEmptyTagSet() throws Exception {
        assertEquals(
                Map.of(),
                ResponseParsers.parseGetBucketTagging(SdkWire.stream(codec.whenUnset("media")))
                        .getAllTags());
        GoldenFiles.assertGolden("emulator-config/tagging-unset.xml", SdkWire.text(codec.whenUnset("media")));
    }

    @Test
    void accept_twentyOneTagsIsInvalidArgument() {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            tags.put("k" + i, "v");
        }
        byte[] body = sdkBody(tags);
        assertInvalid("A bucket can have at most 20 tags.", "Tag", "21", () -> codec.accept(body));
    }

    @Test
    void accept_keyLongerThan64IsInvalidArgument() {
        String key = "k".repeat(65);
        byte[] body = sdkBody(Map.of(key, "v"));
        assertInvalid("The tag key must be 1 to 64 characters long.", "Key", key, () -> codec.accept(body));
    }

    @Test
    void accept_emptyKeyIsInvalidArgument() {
        byte[] body = utf8("<Tagging><TagSet><Tag><Key></Key><Value>v</Value></Tag></TagSet></Tagging>");
        assertInvalid("The tag key must be 1 to 64 characters long.", "Key", "", () -> codec.accept(body));
    }

    @Test
    void accept_valueLongerThan128IsInvalidArgument() {
        String value = "v".repeat(129);
        byte[] body = sdkBody(Map.of("k", value));
        assertInvalid("The tag value can be at most 128 characters long.", "Value", value, () -> codec.accept(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "https://", "Aliyun", "acs:"})
    void accept_reservedKeyPrefixIsInvalidArgument(String prefix) {
        byte[] body = sdkBody(Map.of(prefix + "x", "v"));
        assertInvalid("The tag key cannot start with " + prefix + ".", "Key", prefix + "x", () -> codec.accept(body));
    }

    @Test
    void accept_duplicateKeyIsInvalidArgument() {
        byte[] body = utf8("<Tagging><TagSet><Tag><Key>a</Key><Value>1</Value></Tag><Tag><Key>a</Key><Value>2</Value>"
                + "</Tag></TagSet></Tagging>");
        assertInvalid("Tag keys must be unique.", "Key", "a", () -> codec.accept(body));
    }

    /** The SDK writes tag text unescaped, so an ampersand reaches OSS as broken XML. */
    @Test
    void accept_unescapedAmpersandFromSdkIsMalformed() {
        assertMalformed(() -> codec.accept(sdkBody(Map.of("team", "media & web"))));
    }

    @Test
    void accept_missingTagSetIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<Tagging/>")));
    }
}
