package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code ?referer}: PutBucketReferer / GetBucketReferer; a bucket always has a referer configuration. */
public final class RefererCodec extends XmlConfigCodec<RefererConfiguration> {

    public RefererCodec() {
        super("referer");
    }

    /**
     * GetBucketReferer on a bucket never configured answers "the default AllowEmptyReferer value and
     * an empty RefererList" (GetBucketReferer sample responses), nothing more.
     */
    @Override
    public StoredConfig whenUnset(String bucket) {
        return ConfigXml.xml(new XmlWriter()
                .start("RefererConfiguration")
                .element("AllowEmptyReferer", RefererConfiguration.DEFAULT.allowEmptyReferer())
                .start("RefererList")
                .end()
                .end()
                .toXml());
    }

    /** Parses and validates a {@code RefererConfiguration} document. */
    @Override
    public RefererConfiguration parse(byte[] body) {
        // Lenient: the Java SDK writes referers unescaped, so an '&' in one arrives bare.
        Element root = XmlReader.parseLenient(body, "RefererConfiguration");
        ConfigXml.onlyChildren(
                root,
                Set.of(
                        "AllowEmptyReferer",
                        "AllowTruncateQueryString",
                        "TruncatePath",
                        "RefererList",
                        "RefererBlacklist"));
        boolean allowEmpty = ConfigXml.bool(root, "AllowEmptyReferer").orElseThrow(ConfigXml::malformed);
        boolean truncateQuery = ConfigXml.bool(root, "AllowTruncateQueryString").orElse(true);
        boolean truncatePath = ConfigXml.bool(root, "TruncatePath").orElse(false);
        if (truncatePath && !truncateQuery) {
            throw ConfigXml.invalid(
                    "TruncatePath can be true only when AllowTruncateQueryString is true.", "TruncatePath", "true");
        }
        List<String> referers = list(XmlReader.child(root, "RefererList"));
        List<String> blacklist = list(XmlReader.child(root, "RefererBlacklist"));
        return new RefererConfiguration(allowEmpty, truncateQuery, truncatePath, referers, blacklist);
    }

    private static List<String> list(Optional<Element> container) {
        return container
                .map(c -> {
                    ConfigXml.onlyChildren(c, Set.of("Referer"));
                    return ConfigXml.texts(c, "Referer").stream()
                            .filter(s -> !s.isEmpty())
                            .toList();
                })
                .orElse(List.of());
    }

    /** The canonical GetBucketReferer document. */
    @Override
    public String render(RefererConfiguration config) {
        XmlWriter w = new XmlWriter()
                .start("RefererConfiguration")
                .element("AllowEmptyReferer", config.allowEmptyReferer())
                .element("AllowTruncateQueryString", config.allowTruncateQueryString())
                .element("TruncatePath", config.truncatePath())
                .start("RefererList");
        config.referers().forEach(r -> w.element("Referer", r));
        w.end();
        if (!config.blacklist().isEmpty()) {
            w.start("RefererBlacklist");
            config.blacklist().forEach(r -> w.element("Referer", r));
            w.end();
        }
        return w.end().toXml();
    }
}
