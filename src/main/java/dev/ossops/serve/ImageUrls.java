package dev.ossops.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code x-oss-process} chain of {@code GET /api/image/<key>?w=&h=&format=&q=} (seed 003), built from checked
 * values only: {@code image/} once at the start, then {@code resize}, {@code format} and {@code quality} in that order.
 * <p>Checked against the OSS image processing reference: resize {@code w} and {@code h} are 1-16384; with both,
 * {@code m_fill} crops to exactly that size; {@code format} converts to jpg, png, webp, bmp, gif, tiff, heif or avif;
 * {@code quality,q_} (relative quality, 1-100) applies to JPG and WebP only.
 */
public final class ImageUrls {
    public static final int MAX_SIDE = 16_384;
    public static final Set<String> FORMATS = Set.of("jpg", "png", "webp", "bmp", "gif", "tiff", "heif", "avif");
    private static final Set<String> PARAMETERS = Set.of("w", "h", "format", "q");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");

    private ImageUrls() {}

    /** The chain for these query parameters (each given once), or empty when they ask for no processing. */
    public static Optional<String> process(Map<String, List<String>> query) {
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw ServeException.badRequest(
                        "unknown parameter '" + printable(e.getKey()) + "'; accepted: w, h, format, q");
            }
            if (e.getValue().size() != 1) {
                throw ServeException.badRequest("parameter '" + e.getKey() + "' is given "
                        + e.getValue().size() + " times");
            }
        }
        Optional<Integer> w = number(query, "w", 1, MAX_SIDE);
        Optional<Integer> h = number(query, "h", 1, MAX_SIDE);
        Optional<String> format = Optional.ofNullable(query.get("format")).map(v -> v.get(0));
        if (format.isPresent() && !FORMATS.contains(format.get())) {
            throw ServeException.badRequest("format '" + printable(format.get()) + "' is not one of "
                    + String.join(", ", FORMATS.stream().sorted().toList()));
        }
        Optional<Integer> q = number(query, "q", 1, 100);
        if (q.isPresent()
                && !format.filter(f -> f.equals("jpg") || f.equals("webp")).isPresent()) {
            throw ServeException.badRequest("q needs format=jpg or format=webp: OSS applies quality to those only");
        }
        List<String> steps = new ArrayList<>();
        if (w.isPresent() && h.isPresent()) {
            steps.add("resize,m_fill,w_" + w.get() + ",h_" + h.get());
        } else {
            w.ifPresent(v -> steps.add("resize,w_" + v));
            h.ifPresent(v -> steps.add("resize,h_" + v));
        }
        format.ifPresent(f -> steps.add("format," + f));
        q.ifPresent(v -> steps.add("quality,q_" + v));
        return steps.isEmpty() ? Optional.empty() : Optional.of("image/" + String.join("/", steps));
    }

    private static Optional<Integer> number(Map<String, List<String>> query, String name, int min, int max) {
        List<String> values = query.get(name);
        if (values == null) {
            return Optional.empty();
        }
        String v = values.get(0);
        int n = DIGITS.matcher(v).matches() ? Integer.parseInt(v) : -1;
        if (n < min || n > max) {
            throw ServeException.badRequest(
                    name + " must be a whole number from " + min + " to " + max + ", got '" + printable(v) + "'");
        }
        return Optional.of(n);
    }

    /** Echoes caller input only as far as it is short printable ASCII. */
    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> out.append((c >= 0x20 && c < 0x7f) || c == '…' ? Character.toString(c) : "?"));
        return out.toString();
    }
}
