package dev.ossops.emulator.xml;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses request bodies (configuration documents) the way OSS does: malformed XML or a wrong
 * root element is {@code MalformedXML}. External entities and DTDs are refused, and so is nesting
 * deeper than {@value #MAX_DEPTH} elements: no OSS document comes close (a lifecycle rule's
 * Filter/Not/Tag/Key is the deepest at 6), and a hundred thousand nested elements would overflow the
 * stack of whatever walks the tree.
 */
public final class XmlReader {
    static final int MAX_DEPTH = 32;

    /** Parse errors become MalformedXML; the parser must not also print them to stderr. */
    private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlReader() {
    }

    /** Parses {@code body} and checks that the root element is {@code rootName}. */
    public static Element parse(byte[] body, String rootName) {
        Document document;
        try {
            document = newBuilder().parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        Element root = document.getDocumentElement();
        if (root == null || !rootName.equals(root.getTagName())) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        return root;
    }

    /**
     * As {@link #parse}, for a DeleteMultipleObjects body whose keys may hold control characters
     * that XML 1.0 forbids. OSS's reference tells clients to ask for encoding-type=url to get such
     * keys back, and OSS accepts them in the request: the official Java SDK sends them raw (its
     * own tests delete keys ending in U+0001 U+0007 that way). Only a body that fails as XML 1.0
     * and holds such a byte is read again as XML 1.1 with each of them written as a character
     * reference, which 1.1 allows; NUL and every other fault stay MalformedXML, DOCTYPE stays refused.
     */
    public static Element parseAllowingControlCharacters(byte[] body, String rootName) {
        try {
            return parse(body, rootName);
        } catch (OssException malformed) {
            byte[] referenced = asXml11(body);
            if (referenced == null) {
                throw malformed;
            }
            return parse(referenced, rootName);
        }
    }

    /**
     * {@code body} (UTF-8) as an XML 1.1 document with the same text: C0 controls but tab, LF and CR,
     * and the characters 1.1 restricts or reads as line ends (U+0080-U+009F, U+2028), as character
     * references, and the declaration, if any, saying 1.1. Null when the body has no C0 control to
     * rewrite or a NUL, which no XML version allows.
     */
    private static byte[] asXml11(byte[] body) {
        boolean control = false;
        for (byte b : body) {
            if (b == 0) {
                return null;
            }
            control |= b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r';
        }
        if (!control) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
        int from = 0;
        String start = new String(body, 0, Math.min(body.length, 5), StandardCharsets.ISO_8859_1);
        if (start.equals("<?xml")) {
            int end = indexOf(body, "?>");
            if (end < 0) {
                return null;
            }
            String declaration = new String(body, 0, end, StandardCharsets.ISO_8859_1);
            out.writeBytes(declaration.replaceFirst("version\\s*=\\s*([\"'])1\\.0\\1", "version=\"1.1\"")
                    .getBytes(StandardCharsets.ISO_8859_1));
            from = end;
        } else {
            out.writeBytes("<?xml version=\"1.1\"?>".getBytes(StandardCharsets.US_ASCII));
        }
        for (int i = from; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                reference(out, b);
            } else if (b == 0xC2 && i + 1 < body.length && (body[i + 1] & 0xFF) >= 0x80 && (body[i + 1] & 0xFF) <= 0x9F) {
                reference(out, body[++i] & 0xFF);
            } else if (b == 0xE2 && i + 2 < body.length && (body[i + 1] & 0xFF) == 0x80 && (body[i + 2] & 0xFF) == 0xA8) {
                reference(out, 0x2028);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static void reference(ByteArrayOutputStream out, int codePoint) {
        out.writeBytes(("&#x" + Integer.toHexString(codePoint) + ";").getBytes(StandardCharsets.US_ASCII));
    }

    private static int indexOf(byte[] body, String ascii) {
        outer:
        for (int i = 0; i + ascii.length() <= body.length; i++) {
            for (int j = 0; j < ascii.length(); j++) {
                if (body[i + j] != ascii.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Direct children of {@code parent} named {@code name}, in document order. */
    public static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                result.add(e);
            }
        }
        return result;
    }

    /** The single direct child named {@code name}; more than one is {@code MalformedXML}. */
    public static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() > 1) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The trimmed text of the single direct child named {@code name}, if present. */
    public static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim());
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            // JDK's JAXP limit (jdk.xml.maxElementDepth): the parser stops at the first element too deep.
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser unavailable", e);
        }
    }
}
