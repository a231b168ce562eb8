package dev.ossops.emulator.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BucketConfigCodecsTest {
    private final BucketConfigCodecs codecs = BucketConfigCodecs.standard();

    @Test
    void standard_servesEverySingleDocumentConfiguration() {
        assertEquals(
                Set.of(
                        "cors",
                        "lifecycle",
                        "encryption",
                        "policy",
                        "tagging",
                        "referer",
                        "logging",
                        "publicAccessBlock",
                        "requestPayment",
                        "accessmonitor",
                        "resourceGroup"),
                codecs.subresources());
    }

    @Test
    void forSubresource_routesToTheNamedCodec() {
        assertEquals(
                "lifecycle", codecs.forSubresource("lifecycle").orElseThrow().subresource());
        assertEquals(
                CorsCodec.class, codecs.forSubresource("cors").orElseThrow().getClass());
    }

    @Test
    void forSubresource_isCaseSensitiveAndUnknownIsEmpty() {
        assertEquals(Optional.empty(), codecs.forSubresource("CORS"));
        assertEquals(Optional.empty(), codecs.forSubresource("replication"));
    }

    @Test
    void constructor_refusesTwoCodecsForOneSubresource() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new BucketConfigCodecs(List.of(new CorsCodec(), new CorsCodec())));
        assertEquals("two codecs for ?cors", e.getMessage());
    }

    @Test
    void accept_withBucketDefaultsToBodyOnlyValidation() {
        BucketConfigCodec tagging = codecs.forSubresource("tagging").orElseThrow();
        byte[] body = SdkWire.utf8("<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>");
        assertEquals(SdkWire.text(tagging.accept(body)), SdkWire.text(tagging.accept("media", body)));
    }
}
