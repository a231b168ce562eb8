package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ?tagging}: PutBucketTags / GetBucketTags / DeleteBucketTags. Limits from PutBucketTags and
 * the 0010-00000002/207/219 error pages: 20 tags, keys 1..64 characters without the reserved prefixes,
 * values up to 128 characters.
 */
public final class TaggingCodec extends XmlConfigCodec<BucketTagging> {
    static final int MAX_TAGS = 20;
    static final int MAX_KEY_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 128;
    private static final List<String> RESERVED_PREFIXES = List.of("http://", "https://", "Aliyun", "acs:");

    public TaggingCodec() {
        super("tagging");
    }

    /** A bucket without tags answers an empty {@code TagSet}. */
    @Override
    public StoredConfig whenUnset(String bucket) {
        return stored(new BucketTagging(Map.of()));
    }

    /** Parses and validates a {@code Tagging} document. */
    @Override
    public BucketTagging parse(byte[] body) {
        Element root = XmlReader.parse(body, "Tagging");
        ConfigXml.onlyChildren(root, Set.of("TagSet"));
        Element set = XmlReader.child(root, "TagSet").orElseThrow(ConfigXml::malformed);
        ConfigXml.onlyChildren(set, Set.of("Tag"));
        List<Element> elements = XmlReader.children(set, "Tag");
        if (elements.size() > MAX_TAGS) {
            throw ConfigXml.invalid(
                    "A bucket can have at most " + MAX_TAGS + " tags.", "Tag", Integer.toString(elements.size()));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (Element tag : elements) {
            ConfigXml.onlyChildren(tag, Set.of("Key", "Value"));
            String key = ConfigXml.required(tag, "Key");
            String value = XmlReader.text(tag, "Value").orElse("");
            if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
                throw ConfigXml.invalid("The tag key must be 1 to " + MAX_KEY_LENGTH + " characters long.", "Key", key);
            }
            for (String reserved : RESERVED_PREFIXES) {
                if (key.startsWith(reserved)) {
                    throw ConfigXml.invalid("The tag key cannot start with " + reserved + ".", "Key", key);
                }
            }
            if (value.codePointCount(0, value.length()) > MAX_VALUE_LENGTH) {
                throw ConfigXml.invalid(
                        "The tag value can be at most " + MAX_VALUE_LENGTH + " characters long.", "Value", value);
            }
            if (tags.put(key, value) != null) {
                throw ConfigXml.invalid("Tag keys must be unique.", "Key", key);
            }
        }
        return new BucketTagging(tags);
    }

    /** The canonical GetBucketTags document. */
    @Override
    public String render(BucketTagging tagging) {
        XmlWriter w = new XmlWriter().start("Tagging").start("TagSet");
        tagging.tags()
                .forEach((k, v) ->
                        w.start("Tag").element("Key", k).element("Value", v).end());
        return w.end().end().toXml();
    }
}
