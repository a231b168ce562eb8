package dev.ossops.upload;

import dev.ossops.cloud.credentials.Secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes URLs and messages safe to print. A presigned URL's query carries the AccessKey id, the
 * signature and, with STS, the security token: anyone holding it can use it until it expires, so
 * the query is never shown ({@code https://b.e/k?…}). User info ({@code user:pass@}) goes too. Free text
 * (error messages) goes through {@link Secrets#redact}, which treats every URL in it the same way.
 */
public final class Masking {
    private static final String ELLIPSIS = "…";
    private static final Pattern URL =
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^\\s/?#@]*@)?([^\\s?#]*)(\\?[^\\s#]*)?(#\\S*)?");

    private Masking() {}

    /** {@code url} without its query (shown as {@code ?…}), user info and fragment. */
    public static String displayUrl(String url) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            // Not an absolute URL: still never show what follows a '?'.
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q) + "?" + ELLIPSIS;
        }
        return render(m);
    }

    private static String render(Matcher m) {
        return m.group(1) + m.group(3) + (m.group(4) == null ? "" : "?" + ELLIPSIS);
    }

    /** An error line about {@code url}: {@code <what> https://b.e/k?…: <reason>}, all of it safe to print. */
    public static String failure(String what, String url, String reason) {
        return what + " " + displayUrl(url) + ": " + Secrets.redact(reason);
    }
}
