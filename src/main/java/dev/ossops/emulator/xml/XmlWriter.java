package dev.ossops.emulator.xml;

import org.jspecify.annotations.Nullable;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the small XML documents OSS answers with: a declaration, nested elements and escaped
 * text, no namespaces, no indentation (OSS sends them on one line).
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    public XmlWriter start(String element) {
        out.append('<').append(element).append('>');
        open.push(element);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text content; written as an empty element when {@code text} is empty. */
    public XmlWriter element(String element, String text) {
        out.append('<').append(element).append('>');
        escape(text);
        out.append("</").append(element).append('>');
        return this;
    }

    public XmlWriter element(String element, long value) {
        return element(element, Long.toString(value));
    }

    public XmlWriter element(String element, boolean value) {
        return element(element, Boolean.toString(value));
    }

    /** An element only when {@code text} is not null. */
    public XmlWriter optional(String element, @Nullable String text) {
        return text == null ? this : element(element, text);
    }

    public String toXml() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    /** Text content only (no attributes are written), so quotes stay literal as in OSS's own XML: {@code <ETag>"..."</ETag>}. */
    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
    }
}
