package dev.ossops.cloud.credentials;

import dev.ossops.common.AccessKeys;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How ossops shows credentials to people: ids masked, secrets and tokens never. {@link #redact} is the one
 * function every piece of free text passes before ossops prints it (errors, warnings, stack traces).
 */
public final class Secrets {
    private static final String HIDDEN = "…";
    /** Where a value starts: not inside a word, or right after a percent escape such as {@code %3D} or {@code %253D}. */
    private static final String START = "(?:(?<![A-Za-z0-9])|(?<=%(?:25){0,3}[0-9A-Fa-f]{2}))";
    /** An {@code &} as it appears in a query (raw) and in a string-to-sign (once or twice percent-encoded, as POP does). */
    private static final String AMPERSAND = "%(?:25){0,3}26";

    /**
     * OSS returns the bytes of its StringToSign as hex ({@code 47 45 54 0A ...}) next to the text: with an STS
     * token in the string, the hex carries the token too, so the element is emptied whole.
     */
    private static final Pattern STRING_TO_SIGN_BYTES =
            Pattern.compile("(?i)(<StringToSignBytes>)[^<]*(</StringToSignBytes>)");
    /** A URL: its query (presigned URLs carry signature, key id and token there), user info and fragment are cut. */
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]*://)([^\\s/?#@\"'<>]*@)?([^\\s?#\"'<>]*)(\\?[^\\s#\"'<>]*)?(#[^\\s\"'<>]*)?");
    /** {@code Authorization: OSS <id>:<signature>} (V1) and {@code acs <id>:<signature>} (ROA). */
    private static final Pattern AUTHORIZATION = Pattern.compile("\\b(OSS|acs) ([A-Za-z0-9.]{8,}):([A-Za-z0-9+/=]+)");
    /** A character of a secret's value: up to the next space, quote, separator or encoded {@code &}. */
    private static final String VALUE_CHAR = "(?:(?!" + AMPERSAND + ")[^\\s&\"'<>,;\\\\)])";
    /**
     * A named secret in any of the forms SDK and service messages carry: {@code name=value} (queries, env files),
     * {@code name:value} (StringToSign header lines), {@code name%3Dvalue} and {@code name%253Dvalue} (RPC
     * string-to-sign, URL-encoded once or twice), {@code "name": "value"} (JSON) and {@code <name>value} (XML).
     * After {@code name: } (a colon and a space) the value must hold a digit or one of {@code +/=%}, as tokens,
     * secrets and signatures do: error codes read the same way ({@code SDK.InvalidAccessKeySecret: Specified ...}).
     */
    private static final Pattern NAMED = Pattern.compile("(?i)(?:(?<![A-Za-z0-9_.-])|(?<=" + AMPERSAND + "))"
            + "([A-Za-z0-9_.-]*(?:secret|security[-_]?token|session[-_]?token|sts[-_]?token)|(?:x-oss-)?signature(?:provided)?"
            + "|x-oss-credential)"
            + "([ \\t]*=[ \\t]*|:(?![ \\t])|:[ \\t]+(?=" + VALUE_CHAR + "*[0-9+/=%])|%(?:25){0,3}3D"
            + "|\\\\?[\"'][ \\t]*:[ \\t]*\\\\?[\"']|>)"
            + VALUE_CHAR + "+");
    /** Alibaba Cloud STS tokens start with CAIS; raw, URL-encoded or double-encoded, up to the next parameter. */
    private static final Pattern STS_TOKEN =
            Pattern.compile(START + "CAIS(?:(?!" + AMPERSAND + ")[A-Za-z0-9+/=_%-]){20,}");
    /** DashScope API keys. */
    private static final Pattern API_KEY = Pattern.compile(START + "sk-[A-Za-z0-9]{16,}(?![A-Za-z0-9])");
    /** AccessKey secrets are 30 random letters and digits: mixed case with a digit, which ordinary words are not. */
    private static final Pattern ACCESS_KEY_SECRET = Pattern.compile(
            START
                    + "(?=[A-Za-z0-9]{0,29}[A-Z])(?=[A-Za-z0-9]{0,29}[a-z])(?=[A-Za-z0-9]{0,29}[0-9])[A-Za-z0-9]{30}(?![A-Za-z0-9+/=])");

    private static final Pattern ACCESS_KEY_ID = Pattern.compile(START + "(?:LTAI|STS\\.)[A-Za-z0-9]{8,}");

    private Secrets() {}

    /** An AccessKey id masked as {@link AccessKeys#mask} does; a missing one says {@code (none)}, as credential errors need. */
    public static String maskAccessKeyId(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            return "(none)";
        }
        return AccessKeys.mask(accessKeyId);
    }

    /**
     * {@code text} safe to print: URL queries, user info and fragments cut ({@code https://b.e/k?…}); named secrets,
     * signatures and tokens shown as {@code name=…} in every encoding listed at {@link #NAMED}; a StringToSign's
     * hex bytes dropped; bare STS tokens, DashScope keys and AccessKey secrets replaced; AccessKey ids masked.
     * Null becomes the empty string.
     */
    public static String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return holdsNoSecret(text) ? text : redactAlways(text);
    }

    /** {@link #redact} without the quick check: the patterns applied whatever the text (the check's tests compare). */
    static String redactAlways(String text) {
        String out = STRING_TO_SIGN_BYTES.matcher(text).replaceAll("$1" + HIDDEN + "$2");
        out = replace(URL, out, m -> m.group(1) + m.group(3) + (m.group(4) == null ? "" : "?" + HIDDEN));
        out = replace(AUTHORIZATION, out, m -> m.group(1) + " " + maskAccessKeyId(m.group(2)) + ":" + HIDDEN);
        out = replace(NAMED, out, m -> m.group(1) + m.group(2) + HIDDEN);
        out = STS_TOKEN.matcher(out).replaceAll("(STS token not shown)");
        out = replace(
                API_KEY,
                out,
                m -> "sk-" + HIDDEN + m.group().substring(m.group().length() - 4));
        out = ACCESS_KEY_SECRET.matcher(out).replaceAll("(secret not shown)");
        return replace(ACCESS_KEY_ID, out, m -> maskAccessKeyId(m.group()));
    }

    /**
     * True when no pattern above can match {@code text}, so {@link #redact} may return it as it is: ossops prints a
     * line per file (progress, warnings), and the patterns cost more than the upload's own bookkeeping. Each pattern
     * needs one of these, which the check looks for: a run of 30 letters and digits (a bare secret); {@code ://} (a
     * URL); {@code OSS } or {@code acs } (an Authorization value); {@code CAIS}, {@code sk-}, {@code LTAI} or
     * {@code STS.} (tokens, API keys, key ids); or, in any case, {@code secret}, {@code token}, {@code signature},
     * {@code credential} or {@code stringtosignbytes} (named values). It may say false for text without a secret.
     */
    static boolean holdsNoSecret(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                if (++run >= 30) {
                    return false;
                }
            } else {
                run = 0;
            }
        }
        for (String needle : CASE_SENSITIVE_NEEDLES) {
            if (text.contains(needle)) {
                return false;
            }
        }
        // ASCII only, as the patterns' (?i) is: a non-ASCII letter that lower-cases to ASCII only makes the check
        // say false more often.
        String lower = text.toLowerCase(Locale.ROOT);
        for (String needle : CASE_INSENSITIVE_NEEDLES) {
            if (lower.contains(needle)) {
                return false;
            }
        }
        return true;
    }

    private static final List<String> CASE_SENSITIVE_NEEDLES =
            List.of("://", "OSS ", "acs ", "CAIS", "sk-", "LTAI", "STS.");
    private static final List<String> CASE_INSENSITIVE_NEEDLES =
            List.of("secret", "token", "signature", "credential", "stringtosignbytes");

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
