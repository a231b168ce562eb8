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
        assertEquals("text", XmlReader.parse(nested(XmlReader.MAX_DEPTH), "Tagging").getTextContent());
    }

    @Test
    void parse_nestingOverTheLimit_isMalformedXml() {
        OssException e = assertThrows(OssException.class, () -> XmlReader.parse(nested(XmlReader.MAX_DEPTH + 1), "Tagging"));
        assertEquals(OssError.MALFORMED_XML, e.error());
    }

    @Test
    void parse_hundredThousandNestedElements_isMalformedXmlNotAStackOverflow() {
        OssException e = assertThrows(OssException.class, () -> XmlReader.parse(nested(120_000), "Tagging"));
        assertEquals("The XML you provided was not well-formed or did not validate against our published schema.", e.getMessage());
    }
}
