package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.error.OssError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.OssAssert.assertOssError;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EncryptionCodecTest {
    private final EncryptionCodec codec = new EncryptionCodec();

    private static byte[] sdkBody(String algorithm, String keyId, String dataEncryption) {
        ServerSideEncryptionByDefault byDefault = new ServerSideEncryptionByDefault(algorithm);
        byDefault.setKMSMasterKeyID(keyId);
        byDefault.setKMSDataEncryption(dataEncryption);
        ServerSideEncryptionConfiguration config = new ServerSideEncryptionConfiguration();
        config.setApplyServerSideEncryptionByDefault(byDefault);
        return SdkWire.body(RequestMarshallers.setBucketEncryptionRequestMarshaller.marshall(
                new SetBucketEncryptionRequest("media", config)));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "KMS,    9468da86-3509-4f8d-a61e-6eab1eac****, SM4",
                "KMS,    null, null",
                "AES256, null, null",
                "SM4,    null, null",
            })
    void accept_sdkRequestRoundTripsThroughSdkParser(String algorithm, String keyId, String dataEncryption)
            throws Exception {
        ServerSideEncryptionConfiguration parsed = ResponseParsers.parseGetBucketEncryption(
                SdkWire.stream(codec.accept(sdkBody(algorithm, keyId, dataEncryption))));

        ServerSideEncryptionByDefault got = parsed.getApplyServerSideEncryptionByDefault();
        assertEquals(algorithm, got.getSSEAlgorithm());
        assertEquals(keyId, got.getKMSMasterKeyID());
        assertEquals(dataEncryption, got.getKMSDataEncryption());
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden(
                "emulator-config/encryption.xml",
                SdkWire.text(codec.accept(sdkBody("KMS", "9468da86-3509-4f8d-a61e-6eab1eac****", "SM4"))));
    }

    @Test
    void accept_unknownAlgorithmIsInvalidEncryptionAlgorithm() {
        assertOssError(
                OssError.INVALID_ENCRYPTION_ALGORITHM,
                "The Encryption request you specified is not valid. Supported value: AES256/KMS/SM4.",
                Map.of(),
                () -> codec.accept(sdkBody("DES", null, null)));
    }

    @Test
    void accept_keyIdWithAes256IsInvalidArgument() {
        assertInvalid(
                "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS.",
                "KMSMasterKeyID",
                "key-1",
                () -> codec.accept(sdkBody("AES256", "key-1", null)));
    }

    @Test
    void accept_dataEncryptionWithSm4AlgorithmIsInvalidArgument() {
        assertInvalid(
                "KMSDataEncryption is not applicable if the default sse algorithm is not KMS.",
                "KMSDataEncryption",
                "SM4",
                () -> codec.accept(sdkBody("SM4", null, "SM4")));
    }

    @Test
    void accept_dataEncryptionOtherThanSm4IsInvalidArgument() {
        assertInvalid(
                "KMSDataEncryption only supports SM4.",
                "KMSDataEncryption",
                "AES256",
                () -> codec.accept(sdkBody("KMS", null, "AES256")));
    }

    @Test
    void accept_missingApplyElementIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<ServerSideEncryptionRule/>")));
    }

    @Test
    void accept_missingAlgorithmIsMalformed() {
        assertMalformed(() -> codec.accept(
                utf8("<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault/></ServerSideEncryptionRule>")));
    }

    @Test
    void whenUnset_isNoSuchServerSideEncryptionRule() {
        assertOssError(
                OssError.NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE,
                "The server side encryption configuration was not found.",
                Map.of("BucketName", "media"),
                () -> codec.whenUnset("media"));
    }
}
