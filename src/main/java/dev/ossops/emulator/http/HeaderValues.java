package dev.ossops.emulator.http;

import java.nio.charset.StandardCharsets;

/** The character rules of HTTP field names and values (RFC 9110 5.1 and 5.5), shared by the reader and the writer. */
final class HeaderValues {
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderValues() {}

    /** A field name or method: one or more tchar. */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code value} can be written as a field value: no control character but HTAB, so
     * never a CR or LF that would end the field and start another (header injection), nor a NUL.
     */
    static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                return false;
            }
        }
        return true;
    }

    /** Field values arrive as bytes (ISO-8859-1 chars here); OSS clients send UTF-8 in x-oss-meta-* values. */
    static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static byte[] wire(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
