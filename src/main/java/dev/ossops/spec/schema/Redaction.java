package dev.ossops.spec.schema;

import java.util.regex.Pattern;

/**
 * Quotes user values for messages without repeating credentials pasted into the wrong key: AccessKey ids are masked
 * as {@code LTAI…abcd}, AccessKey secrets and STS tokens are not shown at all.
 */
public final class Redaction {

    private static final Pattern ACCESS_KEY_ID = Pattern.compile("^(LTAI|STS\\.)[A-Za-z0-9]{8,}$");
    /** AccessKey secrets are 30 random letters and digits, so they mix cases and digits (bucket names cannot). */
    private static final Pattern ACCESS_KEY_SECRET =
            Pattern.compile("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])[A-Za-z0-9]{30}$");
    /** STS security tokens start with CAIS and run to hundreds of characters. */
    private static final Pattern SECURITY_TOKEN = Pattern.compile("^CAIS[A-Za-z0-9+/=_-]{20,}$");

    private Redaction() {}

    /** {@code 'value'}, or a masked form when the value looks like a credential. */
    public static String quote(String value) {
        if (ACCESS_KEY_ID.matcher(value).matches()) {
            return "'" + value.substring(0, 4) + "…" + value.substring(value.length() - 4) + "'";
        }
        if (ACCESS_KEY_SECRET.matcher(value).matches()
                || SECURITY_TOKEN.matcher(value).matches()) {
            return "(a value that looks like a secret, not shown)";
        }
        return "'" + value + "'";
    }
}
