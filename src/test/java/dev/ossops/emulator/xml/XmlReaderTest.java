package dev.ossops.emulator.xml;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class XmlReaderTest {
    /** A root element holding {@code depth - 1} nested elements around some text. */
    private static byte[] nested(int depth) {
        StringBuilder xml = new StringBuilder("<Tagging>");
        xml.append("<a>".repeat(depth - 1)).append("text").append("</a>".repeat(depth - 1));
        return xml.append("</Tagging>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_nestingAtTheLimit_isRead() {
        assertEquals(
                "text", XmlReader.parse(nested(XmlReader.MAX_DEPTH), "Tagging").getTextContent());
    }

    @Test
    void parse_nestingOverTheLimit_isMalformedXml() {
        OssException e =
                assertThrows(OssException.class, () -> XmlReader.parse(nested(XmlReader.MAX_DEPTH + 1), "Tagging"));
        assertEquals(OssError.MALFORMED_XML, e.error());
    }

    @Test
    void parse_hundredThousandNestedElements_isMalformedXmlNotAStackOverflow() {
        OssException e = assertThrows(OssException.class, () -> XmlReader.parse(nested(120_000), "Tagging"));
        assertEquals(
                "The XML you provided was not well-formed or did not validate against our published schema.",
                e.getMessage());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parseLenient_rawControlsAndXml11LineEnds_keepTheKeyExactly() {
        String key = "k\u0001\u0007\u001f \u0085\u2028\u00e9\t";
        assertEquals(
                key,
                XmlReader.parseLenient(utf8("<Delete><Key>" + key + "</Key></Delete>"), "Delete")
                        .getTextContent());
        assertEquals(
                key,
                XmlReader.parseLenient(
                                utf8("<?xml version='1.0' encoding=\"UTF-8\"?><Delete><Key>" + key + "</Key></Delete>"),
                                "Delete")
                        .getTextContent());
    }

    @Test
    void parseLenient_nulDoctypeOrControlInMarkup_isMalformedXml() {
        for (String body : new String[] {
            "<Delete><Key>a\u0000\u0001</Key></Delete>",
            "<!DOCTYPE Delete [<!ENTITY e \"x\">]><Delete><Key>&e;\u0001</Key></Delete>",
            "<Delete\u0001><Key>a</Key></Delete>",
            "<Other><Key>\u0001</Key></Other>"
        }) {
            OssException e = assertThrows(OssException.class, () -> XmlReader.parseLenient(utf8(body), "Delete"));
            assertEquals(OssError.MALFORMED_XML, e.error(), body);
        }
    }

    @Test
    void parse_rawControlCharacter_isStillMalformedXmlForOtherDocuments() {
        OssException e =
                assertThrows(OssException.class, () -> XmlReader.parse(utf8("<Tagging>\u0001</Tagging>"), "Tagging"));
        assertEquals(OssError.MALFORMED_XML, e.error());
    }
}
