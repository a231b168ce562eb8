package dev.ossops.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DotEnvTest {

    private static Map<String, String> parse(String text) {
        return DotEnv.parse(text, ".env");
    }

    private static String error(String text) {
        return assertThrows(UploadException.class, () -> parse(text)).getMessage();
    }

    @Test
    void parse_seedOptionA() throws IOException {
        String text;
        try (var in = DotEnvTest.class.getResourceAsStream("/upload/seed-option-a.env")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, String> vars = parse(text);
        assertEquals(
                List.of(
                        "DASHSCOPE_API_KEY",
                        "QWEN_TMP_OSS_BUCKET",
                        "QWEN_TMP_OSS_REGION",
                        "QWEN_TMP_OSS_AK_ID",
                        "QWEN_TMP_OSS_AK_SECRET"),
                List.copyOf(vars.keySet()));
        assertEquals("do-not-use-this-name-my-ai-assets", vars.get("QWEN_TMP_OSS_BUCKET"));
        assertEquals("ap-southeast-1", vars.get("QWEN_TMP_OSS_REGION"));
    }

    @Test
    void parse_exportPrefixSpacesAndComments() {
        assertEquals(
                Map.of("A", "1", "B", "two words", "C", "x#y", "D", "#z"),
                parse("# comment\n\nexport A=1\n  B = two words   # trailing\nC=x#y\nD= #z\n"));
    }

    @Test
    void parse_singleQuotesAreLiteral() {
        assertEquals(
                Map.of("A", "a \\n $B # not a comment", "Q", "it's"),
                parse("A='a \\n $B # not a comment'\nQ='it\\'s'"));
    }

    @Test
    void parse_doubleQuotesUnescape() {
        assertEquals(Map.of("A", "line1\nline2\t\"q\" \\ \\d"), parse("A=\"line1\\nline2\\t\\\"q\\\" \\\\ \\d\" # c"));
    }

    @Test
    void parse_quotedValuesSpanLines() {
        Map<String, String> vars = parse("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\n");
        assertEquals("-----BEGIN-----\nabc\n-----END-----", vars.get("KEY"));
        assertEquals("1", vars.get("NEXT"));
    }

    @Test
    void parse_emptyValuesAndCrlf() {
        assertEquals(Map.of("A", "", "B", "", "C", "3"), parse("A=\r\nB=''\r\nC=3\r\n"));
    }

    @Test
    void parse_lastDefinitionWins() {
        assertEquals(Map.of("A", "2"), parse("A=1\nA=2\n"));
    }

    @Test
    void parse_byteOrderMarkIgnored() {
        assertEquals(Map.of("A", "1"), parse("\uFEFFA=1"));
    }

    @Test
    void parse_lineWithoutEqualsRejectedWithLineNumber() {
        assertEquals(".env:3: expected KEY=VALUE", error("A=1\n\nQWEN_TMP_OSS_AK_SECRET sk-123\n"));
    }

    @Test
    void parse_invalidNameRejected() {
        assertEquals(".env:1: invalid variable name '1A'", error("1A=x"));
        assertEquals(".env:2: expected KEY=VALUE", error("A=1\n=x"));
    }

    @Test
    void parse_unterminatedQuoteRejectedWithoutTheValue() {
        String message = error("A=1\nSECRET=\"sk-abc\nB=2\n");
        assertEquals(".env:2: unterminated double-quoted value", message);
        assertFalse(message.contains("sk-abc"));
    }

    @Test
    void parse_textAfterClosingQuoteRejected() {
        assertEquals(".env:1: unexpected text after the closing quote", error("A='x'y"));
    }

    @Test
    void underlay_environmentWinsOverFile() {
        Map<String, String> merged = DotEnv.underlay(
                Map.of("QWEN_TMP_OSS_REGION", "cn-beijing"),
                Map.of("QWEN_TMP_OSS_REGION", "ap-southeast-1", "QWEN_TMP_OSS_BUCKET", "b1"));
        assertEquals(Map.of("QWEN_TMP_OSS_REGION", "cn-beijing", "QWEN_TMP_OSS_BUCKET", "b1"), merged);
    }

    @Test
    void load_missingFileNamed(@TempDir Path dir) {
        Path missing = dir.resolve(".env");
        assertEquals(
                "env file not found: " + missing,
                assertThrows(UploadException.class, () -> DotEnv.load(missing)).getMessage());
    }

    @Test
    void load_readsFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(".env"), "A=1\nbroken\n");
        assertEquals(
                file + ":2: expected KEY=VALUE",
                assertThrows(UploadException.class, () -> DotEnv.load(file)).getMessage());
        Files.writeString(file, "A=é\n");
        assertEquals(Map.of("A", "é"), DotEnv.load(file));
    }

    @Test
    void load_nonUtf8Rejected(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xFF});
        assertEquals(
                "env file is not UTF-8: " + file,
                assertThrows(UploadException.class, () -> DotEnv.load(file)).getMessage());
    }
}
