package dev.ossops.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class RedactingWriterTest {
    private static final String TOKEN = "CAISzQJ1q6Ft5B2yfSjIr5bSE+/Rt4Zr0bWtXWTJWBIAdKUhtw==";

    @Test
    void write_lineBrokenAcrossWrites_isRedactedWhole() throws IOException {
        StringWriter target = new StringWriter();
        try (RedactingWriter writer = new RedactingWriter(target)) {
            writer.write("x-oss-security-token:" + TOKEN.substring(0, 10));
            writer.write(TOKEN.substring(10) + "\nnext ");
            assertEquals("x-oss-security-token:…\n", target.toString());
            writer.write("line");
        }
        assertEquals("x-oss-security-token:…\nnext line", target.toString());
    }

    @Test
    void flush_partialLine_isWrittenRedacted() throws IOException {
        StringWriter target = new StringWriter();
        RedactingWriter writer = new RedactingWriter(target);
        writer.write("\rprogress 50% of https://b.oss-cn-beijing.aliyuncs.com/k?Signature=abc");
        assertEquals("", target.toString());
        writer.flush();
        assertEquals("\rprogress 50% of https://b.oss-cn-beijing.aliyuncs.com/k?…", target.toString());
    }

    @Test
    void write_lineWithoutBreaks_isCutAtTheLimit() throws IOException {
        StringWriter target = new StringWriter();
        RedactingWriter writer = new RedactingWriter(target);
        writer.write("a".repeat(RedactingWriter.MAX_LINE + 5));
        assertEquals(RedactingWriter.MAX_LINE, target.toString().length());
    }

    @Test
    void stackTrace_printedThroughTheWriter_showsNoToken() {
        StringWriter target = new StringWriter();
        PrintWriter err = new PrintWriter(new RedactingWriter(target), true);
        new IllegalStateException(
                        "AssumeRole failed",
                        new RuntimeException("server string to sign is:GET&%2F&SecurityToken%3D"
                                + TOKEN.replace("+", "%252B")
                                        .replace("/", "%252F")
                                        .replace("=", "%253D") + "%26Version%3D2015-04-01"))
                .printStackTrace(err);
        String text = target.toString();
        assertFalse(text.contains("CAIS"), text);
        assertEquals(
                "java.lang.IllegalStateException: AssumeRole failed",
                text.lines().findFirst().orElseThrow());
        assertEquals(
                1,
                text.lines()
                        .filter(l -> l.equals("Caused by: java.lang.RuntimeException: server string to sign is:"
                                + "GET&%2F&SecurityToken%3D…%26Version%3D2015-04-01"))
                        .count(),
                text);
    }

    @Test
    void printStream_bytesOfUtf8Lines_areRedacted() {
        StringWriter target = new StringWriter();
        PrintStream err = RedactingWriter.printStream(target);
        err.println("Exception in thread \"ossops-download-1\" 下载失败 AccessKeySecret=Xy7kQ2mN9pL4sR8tV1wZ3bC6dF0gH5");
        assertEquals(
                "Exception in thread \"ossops-download-1\" 下载失败 AccessKeySecret=…" + System.lineSeparator(),
                target.toString());
    }
}
