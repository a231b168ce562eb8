package dev.ossops.emulator.xml;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few request bodies where OSS accepts documents XML 1.0 calls ill-formed, and the
 * official SDK depends on it:
 * <ul>
 *   <li>raw control characters (U+0001 to U+001F) in text: the Java SDK writes object keys into
 *       DeleteMultipleObjects and DeleteVersions escaping only tab, CR, LF and markup;</li>
 *   <li>an {@code &} that starts no entity or character reference is text: the Java SDK writes
 *       referers into PutBucketReferer unescaped.</li>
 * </ul>
 * Everything else is read as XML 1.0 reads it: an XML declaration, comments, elements with
 * attributes, text, the five predefined entities, numeric character references and CDATA. A
 * DOCTYPE, processing instructions, U+0000, invalid UTF-8 and nesting deeper than {@link #MAX_DEPTH}
 * are {@code MalformedXML}, as in {@link XmlReader#parse}.
 * <p>Hand-written because the JDK's XML parsers enforce exactly the well-formedness rules OSS
 * relaxes here; the result is a DOM so callers use {@link XmlReader}'s accessors either way.
 */
final class LenientXml {
    /** The documents read this way nest four levels at most; anything much deeper is not one of them. */
    static final int MAX_DEPTH = 32;

    private final String s;
    private final Document document;
    private int i;

    private LenientXml(String s, Document document) {
        this.s = s;
        this.document = document;
    }

    /** The root element of {@code body}, which must be UTF-8. */
    static Element parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
        LenientXml reader = new LenientXml(text, newDocument());
        try {
            return reader.document();
        } catch (DOMException e) {
            // An element or attribute name the DOM refuses.
            throw malformed();
        }
    }

    private Element document() {
        if (s.startsWith("\uFEFF")) {
            i = 1;
        }
        if (s.startsWith("<?xml", i) && s.length() > i + 5 && (isSpace(s.charAt(i + 5)) || s.charAt(i + 5) == '?')) {
            i = indexAfter("?>", i + 5);
        }
        skipMisc();
        if (!s.startsWith("<", i)) {
            throw malformed();
        }
        Element root = element(1);
        document.appendChild(root);
        skipMisc();
        if (i != s.length()) {
            throw malformed();
        }
        return root;
    }

    /** Whitespace and comments, outside the root element. */
    private void skipMisc() {
        while (i < s.length()) {
            if (isSpace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("<!--", i)) {
                i = indexAfter("-->", i + 4);
            } else {
                return;
            }
        }
    }

    /** The element starting at {@code <}, with its content and end tag. */
    private Element element(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        i++; // '<'
        String name = name();
        Element element = document.createElement(name);
        while (true) {
            skipSpaces();
            if (s.startsWith("/>", i)) {
                i += 2;
                return element;
            }
            if (s.startsWith(">", i)) {
                i++;
                break;
            }
            String attribute = name();
            skipSpaces();
            expect('=');
            skipSpaces();
            element.setAttribute(attribute, attributeValue());
        }
        StringBuilder text = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw malformed();
            }
            if (s.startsWith("</", i)) {
                flush(element, text);
                i += 2;
                if (!name().equals(name)) {
                    throw malformed();
                }
                skipSpaces();
                expect('>');
                return element;
            } else if (s.startsWith("<!--", i)) {
                i = indexAfter("-->", i + 4);
            } else if (s.startsWith("<![CDATA[", i)) {
                int end = s.indexOf("]]>", i + 9);
                if (end < 0) {
                    throw malformed();
                }
                text.append(s, i + 9, end);
                i = end + 3;
            } else if (s.startsWith("<!", i) || s.startsWith("<?", i)) {
                // DOCTYPE (and with it any entity declaration) and processing instructions stay refused.
                throw malformed();
            } else if (s.charAt(i) == '<') {
                flush(element, text);
                element.appendChild(element(depth + 1));
            } else {
                character(text, false);
            }
        }
    }

    private void flush(Element element, StringBuilder text) {
        if (!text.isEmpty()) {
            element.appendChild(document.createTextNode(text.toString()));
            text.setLength(0);
        }
    }

    private String attributeValue() {
        if (i >= s.length() || (s.charAt(i) != '"' && s.charAt(i) != '\'')) {
            throw malformed();
        }
        char quote = s.charAt(i++);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (i >= s.length() || s.charAt(i) == '<') {
                throw malformed();
            }
            if (s.charAt(i) == quote) {
                i++;
                return value.toString();
            }
            character(value, true);
        }
    }

    /** One character of text at {@code i}, or the reference starting there. */
    private void character(StringBuilder out, boolean inAttribute) {
        char c = s.charAt(i);
        if (c == '\0') {
            throw malformed();
        }
        if (c == '&') {
            int end = s.indexOf(';', i + 1);
            if (end > i + 1 && end - i <= 10) {
                int codePoint = reference(s.substring(i + 1, end));
                if (codePoint >= 0) {
                    out.appendCodePoint(codePoint);
                    i = end + 1;
                    return;
                }
            }
            // OSS keeps an '&' that starts no reference as text (the SDK sends referers unescaped).
            out.append('&');
            i++;
            return;
        }
        if (inAttribute && (c == '\t' || c == '\n' || c == '\r')) {
            // Attribute-value normalization, as XML 1.0 does it.
            out.append(' ');
        } else {
            out.append(c);
        }
        i++;
    }

    /** The code point a reference body ({@code amp}, {@code #38}, {@code #x26}) stands for, or -1 for none. */
    private static int reference(String body) {
        switch (body) {
            case "lt" -> {
                return '<';
            }
            case "gt" -> {
                return '>';
            }
            case "amp" -> {
                return '&';
            }
            case "quot" -> {
                return '"';
            }
            case "apos" -> {
                return '\'';
            }
            default -> {}
        }
        if (body.length() < 2 || body.charAt(0) != '#') {
            return -1;
        }
        boolean hex = body.charAt(1) == 'x';
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> Character.digit(ch, hex ? 16 : 10) >= 0)) {
            return -1;
        }
        int codePoint = Integer.parseInt(digits, hex ? 16 : 10); // at most 8 digits: no overflow
        if (codePoint == 0
                || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            throw malformed();
        }
        return codePoint;
    }

    private String name() {
        int start = i;
        while (i < s.length() && isNameChar(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw malformed();
        }
        return s.substring(start, i);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }

    private void skipSpaces() {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw malformed();
        }
        i++;
    }

    private int indexAfter(String terminator, int from) {
        int at = s.indexOf(terminator, from);
        if (at < 0) {
            throw malformed();
        }
        return at + terminator.length();
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML DOM unavailable", e);
        }
    }

    private static OssException malformed() {
        return new OssException(OssError.MALFORMED_XML);
    }
}
