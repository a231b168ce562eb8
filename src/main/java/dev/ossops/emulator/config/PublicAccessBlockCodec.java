package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Set;

/** {@code ?publicAccessBlock}: PutBucketPublicAccessBlock / GetBucketPublicAccessBlock / Delete... */
public final class PublicAccessBlockCodec extends XmlConfigCodec<PublicAccessBlockConfiguration> {

    public PublicAccessBlockCodec() {
        super("publicAccessBlock");
    }

    /** Block Public Access is off until it is put, and GET reports it as off. */
    @Override
    public StoredConfig whenUnset(String bucket) {
        return stored(PublicAccessBlockConfiguration.OFF);
    }

    @Override
    public PublicAccessBlockConfiguration parse(byte[] body) {
        Element root = XmlReader.parse(body, "PublicAccessBlockConfiguration");
        ConfigXml.onlyChildren(root, Set.of("BlockPublicAccess"));
        return new PublicAccessBlockConfiguration(
                ConfigXml.bool(root, "BlockPublicAccess").orElseThrow(ConfigXml::malformed));
    }

    /** The canonical GetBucketPublicAccessBlock document. */
    @Override
    public String render(PublicAccessBlockConfiguration config) {
        return new XmlWriter()
                .start("PublicAccessBlockConfiguration")
                .element("BlockPublicAccess", config.blockPublicAccess())
                .end()
                .toXml();
    }
}
