package dev.ossops.cloud.oss;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Every listing ossops asks for (ListObjects, ListObjectVersions, ListMultipartUploads, ListParts)
 * names {@code encoding-type=url}: an object key may hold characters XML 1.0 cannot carry (a NUL,
 * most control characters), and without it OSS writes them raw into the listing, so the whole page
 * fails to parse (the SDK's own ListObjectsTest expects exactly that failure). With it, OSS
 * percent-encodes keys, prefixes and markers as UTF-8 ({@code %20} for a space, never {@code +}).
 * The SDK decodes ListObjectVersions itself; the others are decoded here.
 */
public final class ListingEncoding {
    /** The value of the {@code encoding-type} request parameter. */
    public static final String URL = "url";

    private ListingEncoding() {}

    /**
     * A key, prefix or marker as stored: {@code %XX} escapes decoded as UTF-8, every other character
     * kept ({@code +} stays a plus); null stays null.
     */
    public static String decode(String encoded) {
        if (encoded == null || encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); ) {
            int c = encoded.codePointAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw new IllegalArgumentException("a listing sent a malformed percent escape at index " + i);
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                byte[] raw = Character.toString(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
