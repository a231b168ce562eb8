package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Optional;
import java.util.Set;

/** {@code ?encryption}: PutBucketEncryption / GetBucketEncryption / DeleteBucketEncryption. */
public final class EncryptionCodec extends XmlConfigCodec<EncryptionConfiguration> {
    private static final Set<String> ALGORITHMS = Set.of("AES256", "KMS", "SM4");

    public EncryptionCodec() {
        super("encryption");
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        throw new OssException(OssError.NO_SUCH_SERVER_SIDE_ENCRYPTION_RULE).with("BucketName", bucket);
    }

    /** Parses and validates a {@code ServerSideEncryptionRule} document. */
    @Override
    public EncryptionConfiguration parse(byte[] body) {
        Element root = XmlReader.parse(body, "ServerSideEncryptionRule");
        ConfigXml.onlyChildren(root, Set.of("ApplyServerSideEncryptionByDefault"));
        Element apply =
                XmlReader.child(root, "ApplyServerSideEncryptionByDefault").orElseThrow(ConfigXml::malformed);
        ConfigXml.onlyChildren(apply, Set.of("SSEAlgorithm", "KMSMasterKeyID", "KMSDataEncryption"));
        String algorithm = ConfigXml.required(apply, "SSEAlgorithm");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new OssException(OssError.INVALID_ENCRYPTION_ALGORITHM);
        }
        // An empty KMSMasterKeyID means "the OSS-managed CMK" and is the same as leaving it out.
        Optional<String> keyId = XmlReader.text(apply, "KMSMasterKeyID").filter(s -> !s.isEmpty());
        if (keyId.isPresent() && !algorithm.equals("KMS")) {
            throw ConfigXml.invalid(
                    "KMSMasterKeyID is not applicable if the default sse algorithm is not KMS.",
                    "KMSMasterKeyID",
                    keyId.get());
        }
        Optional<String> dataEncryption =
                XmlReader.text(apply, "KMSDataEncryption").filter(s -> !s.isEmpty());
        if (dataEncryption.isPresent()) {
            if (!algorithm.equals("KMS")) {
                throw ConfigXml.invalid(
                        "KMSDataEncryption is not applicable if the default sse algorithm is not KMS.",
                        "KMSDataEncryption",
                        dataEncryption.get());
            }
            if (!dataEncryption.get().equals("SM4")) {
                throw ConfigXml.invalid(
                        "KMSDataEncryption only supports SM4.", "KMSDataEncryption", dataEncryption.get());
            }
        }
        return new EncryptionConfiguration(algorithm, keyId, dataEncryption);
    }

    /** The canonical GetBucketEncryption document. */
    @Override
    public String render(EncryptionConfiguration config) {
        XmlWriter w = new XmlWriter()
                .start("ServerSideEncryptionRule")
                .start("ApplyServerSideEncryptionByDefault")
                .element("SSEAlgorithm", config.sseAlgorithm());
        config.kmsMasterKeyId().ifPresent(k -> w.element("KMSMasterKeyID", k));
        config.kmsDataEncryption().ifPresent(k -> w.element("KMSDataEncryption", k));
        return w.end().end().toXml();
    }
}
