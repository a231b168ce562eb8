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
import java.io.IOException;
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
        public void warning(org.xml.sax.SAXParseException e) {}

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlReader() {}

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
     * {@link #parse} for the bodies where OSS reads more than XML 1.0 allows and the official SDK
     * relies on it (raw control characters in keys, a bare {@code &} in referers): see {@link LenientXml}.
     * DOCTYPE stays refused.
     */
    public static Element parseLenient(byte[] body, String rootName) {
        Element root = LenientXml.parse(body);
        if (!rootName.equals(root.getTagName())) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        return root;
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
