package dev.ossops.emulator.xml;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link XmlReader#parseLenient}: what OSS reads beyond XML 1.0, and what stays refused. */
class XmlReaderLenientTest {

    private static Element parse(String xml, String root) {
        return XmlReader.parseLenient(xml.getBytes(StandardCharsets.UTF_8), root);
    }

    private static List<String> keys(Element delete) {
        return XmlReader.children(delete, "Object").stream()
                .map(o -> XmlReader.child(o, "Key").orElseThrow().getTextContent())
                .toList();
    }

    private static void assertMalformed(String xml) {
        OssException e = assertThrows(OssException.class, () -> parse(xml, "Delete"));
        assertEquals(OssError.MALFORMED_XML, e.error());
        assertEquals(
                "The XML you provided was not well-formed or did not validate against our published schema.",
                e.getMessage());
    }

    @Test
    void parseLenient_rawControlCharactersInKeys_areKept() {
        Element root = parse(
                "<Delete><Quiet>false</Quiet><Object><Key>a\u0001\u0007</Key></Object>"
                        + "<Object><Key>b\u001f&#x0009;x</Key></Object></Delete>",
                "Delete");
        assertEquals(List.of("a\u0001\u0007", "b\u001f\tx"), keys(root));
    }

    @Test
    void parseLenient_strictReaderRefusesTheSameDocument() {
        byte[] body = "<Delete><Object><Key>a\u0001</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                OssError.MALFORMED_XML,
                assertThrows(OssException.class, () -> XmlReader.parse(body, "Delete"))
                        .error());
    }

    @Test
    void parseLenient_bareAmpersand_isText() {
        Element root = parse(
                "<RefererConfiguration><RefererList><Referer>https://www.a&&b%.com?x=1&y=2</Referer>"
                        + "</RefererList></RefererConfiguration>",
                "RefererConfiguration");
        Element list = XmlReader.child(root, "RefererList").orElseThrow();
        assertEquals(
                "https://www.a&&b%.com?x=1&y=2",
                XmlReader.child(list, "Referer").orElseThrow().getTextContent());
    }

    @Test
    void parseLenient_referencesAndCdata_areDecodedAsXmlDoes() {
        Element root = parse(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c --><Delete>"
                        + "<Object><Key>&lt;&gt;&amp;&quot;&apos;&#65;&#x4e2d;<![CDATA[<&>]]></Key></Object></Delete>\n",
                "Delete");
        assertEquals(List.of("<>&\"'A\u4e2d<&>"), keys(root));
    }

    @Test
    void parseLenient_unknownEntityName_staysLiteral() {
        assertEquals(List.of("a&foo;b"), keys(parse("<Delete><Object><Key>a&foo;b</Key></Object></Delete>", "Delete")));
    }

    @Test
    void parseLenient_attributesAndSelfClosingElements_areRead() {
        Element root = parse("<Delete xmlns='http://doc.oss-cn-hangzhou.aliyuncs.com'><Quiet/></Delete>", "Delete");
        assertEquals("http://doc.oss-cn-hangzhou.aliyuncs.com", root.getAttribute("xmlns"));
        assertEquals("", XmlReader.text(root, "Quiet").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<!DOCTYPE Delete [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Delete><Object><Key>&x;</Key></Object></Delete>",
                "<Delete><!DOCTYPE x><Object/></Delete>",
                "<Delete><?pi data?></Delete>",
                "<Delete><Object><Key>a\u0000b</Key></Object></Delete>",
                "<Delete><Object><Key>&#0;</Key></Object></Delete>",
                "<Delete><Object><Key>&#xD800;</Key></Object></Delete>",
                "<Delete><Object><Key>a</Object></Key></Delete>",
                "<Delete><Object><Key>a</Key></Object>",
                "<Delete></Delete><Delete></Delete>",
                "<Delete></Delete>trailing",
                "<Delete a=b></Delete>",
                "<Delete a='<'></Delete>",
                "<Delete><![CDATA[x</Delete>",
                "<Delete><!-- open </Delete>",
                "<?xml version=\"1.0\"<Delete/>",
                "",
                "just text"
            })
    void parseLenient_illFormedOrDoctype_isMalformedXml(String xml) {
        assertMalformed(xml);
    }

    @Test
    void parseLenient_invalidUtf8_isMalformedXml() {
        byte[] body = {'<', 'D', 'e', 'l', 'e', 't', 'e', '>', (byte) 0xC3, '<', '/', 'D', 'e', 'l', 'e', 't', 'e', '>'
        };
        assertEquals(
                OssError.MALFORMED_XML,
                assertThrows(OssException.class, () -> XmlReader.parseLenient(body, "Delete"))
                        .error());
    }

    @Test
    void parseLenient_nestingBeyondTheBound_isMalformedXml() {
        int depth = LenientXml.MAX_DEPTH + 1;
        String xml = "<Delete>" + "<a>".repeat(depth - 1) + "</a>".repeat(depth - 1) + "</Delete>";
        assertMalformed(xml);
        String allowed = "<Delete>" + "<a>".repeat(depth - 2) + "</a>".repeat(depth - 2) + "</Delete>";
        assertEquals("Delete", parse(allowed, "Delete").getTagName());
    }

    @Test
    void parseLenient_otherRootElement_isMalformedXml() {
        OssException e = assertThrows(OssException.class, () -> parse("<Other/>", "Delete"));
        assertEquals(OssError.MALFORMED_XML, e.error());
    }
}
