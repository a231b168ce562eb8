package dev.ossops.upload;

import java.util.regex.Pattern;

/**
 * A glob over {@code /}-separated relative paths: {@code *} and {@code ?} stay within a segment,
 * {@code **} crosses segments ({@code **}{@code /} also matches no directory at all),
 * {@code [abc]}/{@code [!a-z]} are character classes and {@code {jpg,png}} alternatives.
 * A pattern without {@code /} is matched against the file name alone, at any depth, so
 * {@code *.jpg} selects every JPEG under the directory; one with {@code /} against the whole
 * relative path.
 */
public final class Glob {
    private final String pattern;
    private final Pattern regex;
    private final boolean nameOnly;

    private Glob(String pattern) {
        this.pattern = pattern;
        this.nameOnly = !pattern.contains("/");
        this.regex = Pattern.compile(toRegex(pattern));
    }

    public static Glob of(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new UploadException("empty glob pattern");
        }
        return new Glob(pattern);
    }

    public String pattern() {
        return pattern;
    }

    /** Whether the file at {@code relativePath} ({@code /}-separated) matches. */
    public boolean matches(String relativePath) {
        String subject = nameOnly ? relativePath.substring(relativePath.lastIndexOf('/') + 1) : relativePath;
        return regex.matcher(subject).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        i++;
                        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                            i++;
                            re.append("(?:.*/)?");
                        } else {
                            re.append(".*");
                        }
                    } else {
                        re.append("[^/]*");
                    }
                }
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new UploadException("invalid glob '" + glob + "': unclosed [");
                    }
                    String body = glob.substring(i + 1, end);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[')
                            .append(body.replace("\\", "\\\\")
                                    .replace("[", "\\[")
                                    .replace("&", "\\&"))
                            .append(']');
                    i = end;
                }
                case '{' -> {
                    if (inGroup) {
                        throw new UploadException("invalid glob '" + glob + "': nested {");
                    }
                    inGroup = true;
                    re.append("(?:");
                }
                case '}' -> {
                    if (!inGroup) {
                        throw new UploadException("invalid glob '" + glob + "': } without {");
                    }
                    inGroup = false;
                    re.append(')');
                }
                case ',' -> re.append(inGroup ? "|" : ",");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new UploadException("invalid glob '" + glob + "': unclosed {");
        }
        return re.toString();
    }
}
