package dev.ossops.emulator.service;

import dev.ossops.emulator.config.EncryptionConfiguration;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server-side encryption of an object: what PutObject, PostObject, CopyObject and
 * InitiateMultipartUpload ask for with {@code x-oss-server-side-encryption} (AES256, KMS or SM4),
 * {@code x-oss-server-side-data-encryption} (SM4, with KMS only) and
 * {@code x-oss-server-side-encryption-key-id} (the KMS key, with KMS only), or else the bucket's
 * default encryption rule. OSS echoes these headers when it writes the object and on every GET
 * and HEAD of it, so they are kept with the object's stored headers.
 * <p>
 * The emulator encrypts nothing and has no KMS: the object is stored as sent and the headers are
 * bookkeeping. A KMS key id is echoed as given (request or bucket rule); with none, where OSS
 * would name the OSS-managed key, no key id is answered because the emulator has no such key.
 */
public record ServerSideEncryption(String algorithm, Optional<String> dataEncryption, Optional<String> keyId) {
    public static final String ALGORITHM = "x-oss-server-side-encryption";
    public static final String DATA_ENCRYPTION = "x-oss-server-side-data-encryption";
    public static final String KEY_ID = "x-oss-server-side-encryption-key-id";
    private static final Set<String> ALGORITHMS = Set.of("AES256", "KMS", "SM4");

    /**
     * What a request's three headers (null when absent) ask for, checked as OSS checks them; empty
     * when it asks for nothing.
     */
    public static Optional<ServerSideEncryption> requested(
            @Nullable String algorithm, @Nullable String dataEncryption, @Nullable String keyId) {
        if (algorithm == null) {
            if (dataEncryption != null) {
                throw notApplicable(DATA_ENCRYPTION, dataEncryption);
            }
            if (keyId != null) {
                throw notApplicable(KEY_ID, keyId);
            }
            return Optional.empty();
        }
        if (!ALGORITHMS.contains(algorithm)) {
            throw new OssException(OssError.INVALID_ENCRYPTION_ALGORITHM);
        }
        boolean kms = algorithm.equals("KMS");
        if (dataEncryption != null) {
            if (!kms) {
                throw notApplicable(DATA_ENCRYPTION, dataEncryption);
            }
            if (!dataEncryption.equals("SM4")) {
                throw new OssException(
                        OssError.INVALID_ARGUMENT,
                        DATA_ENCRYPTION + " only supports SM4.",
                        Map.of("ArgumentName", DATA_ENCRYPTION, "ArgumentValue", dataEncryption));
            }
        }
        if (keyId != null) {
            if (!kms) {
                throw notApplicable(KEY_ID, keyId);
            }
            if (keyId.isBlank()) {
                throw new OssException(OssError.SSE_KEY_ID_EMPTY);
            }
        }
        return Optional.of(
                new ServerSideEncryption(algorithm, Optional.ofNullable(dataEncryption), Optional.ofNullable(keyId)));
    }

    private static OssException notApplicable(String header, String value) {
        return new OssException(
                OssError.INVALID_ARGUMENT,
                header + " is not applicable if " + ALGORITHM + " is not KMS.",
                Map.of("ArgumentName", header, "ArgumentValue", value));
    }

    /** A bucket's default encryption rule as the encryption of a new object. */
    static ServerSideEncryption of(EncryptionConfiguration rule) {
        return new ServerSideEncryption(rule.sseAlgorithm(), rule.kmsDataEncryption(), rule.kmsMasterKeyId());
    }

    /** The encryption recorded in an object's (or upload's) stored headers. */
    public static Optional<ServerSideEncryption> of(Map<String, String> headers) {
        return Optional.ofNullable(headers.get(ALGORITHM))
                .map(a -> new ServerSideEncryption(
                        a,
                        Optional.ofNullable(headers.get(DATA_ENCRYPTION)),
                        Optional.ofNullable(headers.get(KEY_ID))));
    }

    /** {@code headers} with this encryption recorded, replacing any recorded before. */
    public Map<String, String> recordIn(Map<String, String> headers) {
        Map<String, String> result = without(headers);
        result.put(ALGORITHM, algorithm);
        dataEncryption.ifPresent(d -> result.put(DATA_ENCRYPTION, d));
        keyId.ifPresent(k -> result.put(KEY_ID, k));
        return result;
    }

    /** {@code headers} with no encryption recorded. */
    public static Map<String, String> without(Map<String, String> headers) {
        Map<String, String> result = new LinkedHashMap<>(headers);
        result.keySet().removeAll(Set.of(ALGORITHM, DATA_ENCRYPTION, KEY_ID));
        return result;
    }
}
