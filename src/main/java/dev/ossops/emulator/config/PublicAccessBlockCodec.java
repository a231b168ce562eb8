package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Set;

/** {@code ?publicAccessBlock}: PutBucketPublicAccessBlock / GetBucketPublicAccessBlock / Delete... */
public final class PublicAccessBlockCodec implements BucketConfigCodec {

    @Override
    public String subresource() {
        return "publicAccessBlock";
    }

    @Override
    public StoredConfig accept(byte[] body) {
        return ConfigXml.xml(render(parse(body)));
    }

    /** Block Public Access is off until it is put, and GET reports it as off. */
    @Override
    public StoredConfig whenUnset(String bucket) {
        return ConfigXml.xml(render(PublicAccessBlockConfiguration.OFF));
    }

    public PublicAccessBlockConfiguration parse(byte[] body) {
        Element root = XmlReader.parse(body, "PublicAccessBlockConfiguration");
        ConfigXml.onlyChildren(root, Set.of("BlockPublicAccess"));
        return new PublicAccessBlockConfiguration(
                ConfigXml.bool(root, "BlockPublicAccess").orElseThrow(ConfigXml::malformed));
    }

    /** The canonical GetBucketPublicAccessBlock document. */
    public String render(PublicAccessBlockConfiguration config) {
        return new XmlWriter()
                .start("PublicAccessBlockConfiguration")
                .element("BlockPublicAccess", config.blockPublicAccess())
                .end()
                .toXml();
    }
}
