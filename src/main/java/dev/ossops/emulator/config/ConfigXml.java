package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Shared strictness rules for configuration documents: OSS refuses unknown nodes and bad scalars. */
final class ConfigXml {
    static final String XML = "application/xml";

    private ConfigXml() {}

    /** Element children outside {@code allowed} make the document invalid, as OSS's schema check does. */
    static void onlyChildren(Element parent, Set<String> allowed) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !allowed.contains(e.getTagName())) {
                throw malformed();
            }
        }
    }

    static OssException malformed() {
        return new OssException(OssError.MALFORMED_XML);
    }

    /** {@code InvalidArgument} with the {@code ArgumentName}/{@code ArgumentValue} details OSS adds. */
    static OssException invalid(String message, String argumentName, String argumentValue) {
        return new OssException(
                OssError.INVALID_ARGUMENT,
                message,
                Map.of("ArgumentName", argumentName, "ArgumentValue", argumentValue));
    }

    /** Text of the single child {@code name}; absent is MalformedXML because the schema requires it. */
    static String required(Element parent, String name) {
        return XmlReader.text(parent, name).orElseThrow(ConfigXml::malformed);
    }

    /** OSS booleans are the literals {@code true}/{@code false}; anything else fails the schema. */
    static Optional<Boolean> bool(Element parent, String name) {
        return XmlReader.text(parent, name).map(ConfigXml::parseBool);
    }

    static boolean parseBool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed();
        };
    }

    /** A non-negative decimal integer; other text fails the schema. */
    static Optional<Long> number(Element parent, String name) {
        return XmlReader.text(parent, name).map(ConfigXml::parseNumber);
    }

    static long parseNumber(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed();
        }
        return Long.parseLong(text);
    }

    /** Texts of all {@code name} children, untrimmed content trimmed as OSS does. */
    static List<String> texts(Element parent, String name) {
        return XmlReader.children(parent, name).stream()
                .map(e -> e.getTextContent().trim())
                .toList();
    }

    static BucketConfigCodec.StoredConfig xml(String document) {
        return new BucketConfigCodec.StoredConfig(XML, document.getBytes(StandardCharsets.UTF_8));
    }
}
