package dev.ossops.audit;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence for free text that reaches reports (unreadable reasons come from SDK error messages):
 * AccessKey ids are masked as {@code LTAI…abcd}, STS tokens and presigned-URL signatures removed.
 */
final class Scrubber {
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:LTAI|STS\\.)[A-Za-z0-9]{8,}");
    private static final Pattern SECURITY_TOKEN = Pattern.compile("\\bCAIS[A-Za-z0-9+/=_%-]{20,}");
    /** Query parameters of V1/V4 presigned URLs that carry signatures or credentials. */
    private static final Pattern SIGNED_QUERY = Pattern.compile(
            "(?i)\\b(Signature|x-oss-signature|security-token|x-oss-security-token|x-oss-credential|OSSAccessKeyId)=[^&\\s\"']+");

    private Scrubber() {
    }

    static String scrub(String text) {
        // Query parameters first, so the placeholders below are never mistaken for parameter values.
        String masked = SIGNED_QUERY.matcher(text).replaceAll("$1=(not shown)");
        masked = SECURITY_TOKEN.matcher(masked).replaceAll("(STS token not shown)");
        return replace(ACCESS_KEY_ID, masked, id -> id.substring(0, 4) + "…" + id.substring(id.length() - 4));
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
