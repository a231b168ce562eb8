package dev.ossops.upload;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code .env} files the way python-dotenv does for the forms people write: {@code KEY=VALUE},
 * optional {@code export } prefix, blanks and {@code #} comments, whitespace around {@code =},
 * single quotes (literal), double quotes (escapes {@code \n \t \" \\} ...; both may span lines),
 * unquoted values ending at a {@code #} that follows whitespace; a repeated key takes its last value.
 * Unlike python-dotenv, a line it cannot parse is an error, not a warning, and {@code ${VAR}}
 * references are not expanded. Error messages give the line, never a value (values are secrets).
 */
public final class DotEnv {
    private DotEnv() {}

    /** The variables of {@code file}, in file order. */
    public static Map<String, String> load(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UploadException("env file not found: " + file, e);
        } catch (MalformedInputException e) {
            throw new UploadException("env file is not UTF-8: " + file, e);
        } catch (IOException e) {
            throw new UploadException("cannot read env file " + file + ": " + e.getMessage(), e);
        }
        return parse(content, file.toString());
    }

    /**
     * The process environment with the file's variables added where the environment lacks them:
     * as python-dotenv's {@code load_dotenv()} (override=False), the file never overrides a set variable.
     */
    public static Map<String, String> underlay(Map<String, String> environment, Map<String, String> fileVariables) {
        Map<String, String> merged = new LinkedHashMap<>(fileVariables);
        merged.putAll(environment);
        return Collections.unmodifiableMap(merged);
    }

    /** Parses {@code content}; {@code source} names it in errors ({@code .env:3: ...}). */
    public static Map<String, String> parse(String content, String source) {
        return new Parser(content, source).parse();
    }

    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;
        private int line = 1;

        Parser(String text, String source) {
            this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.source = source;
        }

        Map<String, String> parse() {
            Map<String, String> vars = new LinkedHashMap<>();
            while (pos < text.length()) {
                skipInlineSpace();
                if (atLineEnd()) {
                    nextLine();
                    continue;
                }
                if (peek() == '#') {
                    skipToLineEnd();
                    nextLine();
                    continue;
                }
                int statementLine = line;
                if (text.startsWith("export", pos) && pos + 6 < text.length() && isInlineSpace(text.charAt(pos + 6))) {
                    pos += 6;
                    skipInlineSpace();
                }
                String key = readKey();
                skipInlineSpace();
                if (pos >= text.length() || peek() != '=') {
                    throw error(statementLine, "expected KEY=VALUE");
                }
                pos++;
                skipInlineSpace();
                String value = readValue(statementLine);
                vars.put(key, value);
                nextLine();
            }
            return Collections.unmodifiableMap(vars);
        }

        private String readKey() {
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.' || peek() == '-')) {
                pos++;
            }
            String key = text.substring(start, pos);
            if (key.isEmpty()) {
                throw error(line, "expected KEY=VALUE");
            }
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(line, "invalid variable name '" + key + "'");
            }
            return key;
        }

        private String readValue(int statementLine) {
            if (pos < text.length() && (peek() == '\'' || peek() == '"')) {
                char quote = peek();
                pos++;
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (pos >= text.length()) {
                        throw error(
                                statementLine,
                                "unterminated " + (quote == '"' ? "double" : "single") + "-quoted value");
                    }
                    char c = text.charAt(pos++);
                    if (c == quote) {
                        break;
                    }
                    if (c == '\n') {
                        line++;
                    }
                    if (c == '\\' && quote == '"' && pos < text.length()) {
                        value.append(unescape(text.charAt(pos++)));
                    } else if (c == '\\'
                            && quote == '\''
                            && pos < text.length()
                            && (peek() == '\'' || peek() == '\\')) {
                        value.append(text.charAt(pos++));
                    } else {
                        value.append(c);
                    }
                }
                skipInlineSpace();
                if (!atLineEnd() && peek() != '#') {
                    throw error(line, "unexpected text after the closing quote");
                }
                skipToLineEnd();
                return value.toString();
            }
            int start = pos;
            skipToLineEnd();
            String raw = text.substring(start, pos);
            int comment = inlineComment(raw);
            return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
        }

        /** python-dotenv: in an unquoted value, {@code #} starts a comment only after whitespace ({@code K=#x} is "#x"). */
        private static int inlineComment(String raw) {
            for (int i = 1; i < raw.length(); i++) {
                if (raw.charAt(i) == '#' && isInlineSpace(raw.charAt(i - 1))) {
                    return i;
                }
            }
            return -1;
        }

        private static String unescape(char c) {
            return switch (c) {
                case 'n' -> "\n";
                case 't' -> "\t";
                case 'r' -> "\r";
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'v' -> "\u000B";
                case '"', '\'', '\\' -> String.valueOf(c);
                default -> "\\" + c;
            };
        }

        private char peek() {
            return text.charAt(pos);
        }

        private boolean atLineEnd() {
            return pos >= text.length() || peek() == '\n' || peek() == '\r';
        }

        private static boolean isInlineSpace(char c) {
            return c == ' ' || c == '\t';
        }

        private void skipInlineSpace() {
            while (pos < text.length() && isInlineSpace(peek())) {
                pos++;
            }
        }

        private void skipToLineEnd() {
            while (!atLineEnd()) {
                pos++;
            }
        }

        private void nextLine() {
            if (pos < text.length() && peek() == '\r') {
                pos++;
            }
            if (pos < text.length() && peek() == '\n') {
                pos++;
            }
            line++;
        }

        private UploadException error(int at, String what) {
            return new UploadException(source + ":" + at + ": " + what);
        }
    }
}
