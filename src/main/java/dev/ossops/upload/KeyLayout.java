package dev.ossops.upload;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders object keys from a template. Placeholders:
 * <ul>
 *   <li>{@code {prefix}}: the configured prefix, without leading or trailing {@code /};</li>
 *   <li>{@code {date}}: {@code yyyy-MM-dd}; {@code {year}} {@code {month}} {@code {day}}: its parts;</li>
 *   <li>{@code {timestamp}}: {@code yyyyMMddHHmmssSSS}, the Dify plugin's timestamp;</li>
 *   <li>{@code {uuid}}: a random UUID, one per key;</li>
 *   <li>{@code {filename}}: the file's name, with the timestamp inserted before the extension in
 *       {@link FilenameMode#FILENAME_TIMESTAMP}; a file's directories relative to an uploaded directory are kept
 *       as segments before the layout's last segment ({@link #render}).</li>
 * </ul>
 * Dates and times are read from the clock in the clock's zone (the Dify plugin uses local time).
 * Runs of {@code /} collapse to one, so an empty prefix leaves no empty segment; the result must
 * be a key OSS accepts ({@link ObjectKeys#validate}).
 */
public final class KeyLayout {
    /** The seed's layout for the {@code QWEN_TMP_OSS_*} uploader. */
    public static final String DEFAULT_TEMPLATE = "{prefix}/{date}/{uuid}_{filename}";

    public static final String DEFAULT_PREFIX = "qwencloud-uploads";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<String> NAMES =
            List.of("prefix", "date", "year", "month", "day", "timestamp", "uuid", "filename");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

    private final String template;
    private final FilenameMode filenameMode;
    private final Clock clock;
    private final Supplier<UUID> uuids;
    private final boolean usesTimestamp;

    /** The Dify plugin's directory layouts under the prefix. */
    public enum DirMode {
        /** {@code prefix/name}. */
        NO_SUBDIRECTORY("no_subdirectory", "{prefix}/{filename}"),
        /** {@code prefix/YYYY/MM/DD/name}. */
        YYYY_MM_DD_HIERARCHY("yyyy_mm_dd_hierarchy", "{prefix}/{year}/{month}/{day}/{filename}"),
        /** {@code prefix/YYYYMMDD/name}. */
        YYYY_MM_DD_COMBINED("yyyy_mm_dd_combined", "{prefix}/{year}{month}{day}/{filename}");

        private final String id;
        private final String template;

        DirMode(String id, String template) {
            this.id = id;
            this.template = template;
        }

        public String id() {
            return id;
        }

        public String template() {
            return template;
        }

        /** The mode spelled {@code id} as the CLI and the Dify plugin spell it. */
        public static DirMode of(String id) {
            return Arrays.stream(values())
                    .filter(m -> m.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new UploadException("unknown directory mode '" + id + "'; expected one of "
                            + Arrays.stream(values()).map(DirMode::id).collect(Collectors.joining(", "))));
        }
    }

    /** How the file name appears in the key. */
    public enum FilenameMode {
        /** The name as it is. */
        FILENAME("filename"),
        /** {@code name_<yyyyMMddHHmmssSSS>.ext}: the timestamp goes before the last extension. */
        FILENAME_TIMESTAMP("filename_timestamp");

        private final String id;

        FilenameMode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static FilenameMode of(String id) {
            return Arrays.stream(values())
                    .filter(m -> m.id.equals(id))
                    .findFirst()
                    .orElseThrow(() -> new UploadException("unknown filename mode '" + id + "'; expected one of "
                            + Arrays.stream(values()).map(FilenameMode::id).collect(Collectors.joining(", "))));
        }
    }

    private KeyLayout(String template, FilenameMode filenameMode, Clock clock, Supplier<UUID> uuids) {
        this.template = checkTemplate(template);
        this.filenameMode = Objects.requireNonNull(filenameMode, "filenameMode");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
        this.usesTimestamp = this.template.contains("{timestamp}") || filenameMode == FilenameMode.FILENAME_TIMESTAMP;
    }

    /** A layout from a template such as {@link #DEFAULT_TEMPLATE}. */
    public static KeyLayout of(String template, FilenameMode filenameMode, Clock clock, Supplier<UUID> uuids) {
        return new KeyLayout(template, filenameMode, clock, uuids);
    }

    /** A layout from one of the Dify plugin's directory modes. */
    public static KeyLayout of(DirMode dirMode, FilenameMode filenameMode, Clock clock, Supplier<UUID> uuids) {
        return new KeyLayout(dirMode.template(), filenameMode, clock, uuids);
    }

    public String template() {
        return template;
    }

    static String checkTemplate(String template) {
        if (template == null || template.isBlank()) {
            throw new UploadException("key layout is empty");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        boolean hasFilename = false;
        while (m.find()) {
            if (!NAMES.contains(m.group(1))) {
                throw new UploadException("unknown placeholder {" + m.group(1) + "} in key layout '" + template
                        + "'; known: " + NAMES.stream().map(n -> "{" + n + "}").collect(Collectors.joining(" ")));
            }
            hasFilename |= m.group(1).equals("filename");
        }
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.contains("{") || rest.contains("}")) {
            throw new UploadException("unbalanced brace in key layout '" + template + "'");
        }
        if (!hasFilename && !template.contains("{uuid}")) {
            // Without either, every file of a run would land on the same key and overwrite the last.
            throw new UploadException("key layout '" + template + "' must contain {filename} or {uuid}");
        }
        return template;
    }

    /**
     * The key for the file {@code filename} under {@code prefix}. {@code filename} is a name, or a {@code /}-separated
     * path relative to an uploaded directory: then {@code {filename}} is its last segment, and its directories go
     * between the layout's directory part (up to the template's last {@code /}) and its last segment, as
     * {@code ossutil cp -r} keeps them: {@code sub/b.png} under {@code {prefix}/{date}/{uuid}_{filename}} is
     * {@code prefix/2026-03-04/sub/<uuid>_b.png}. Reads the clock and draws a UUID once per call.
     *
     * @throws UploadException when the key would have a {@code .} or {@code ..} segment or a backslash (a client or
     *     proxy may resolve them, and Windows tools read {@code \} as a separator), or OSS would refuse it
     */
    public String render(String prefix, String filename) {
        if (filename == null || filename.isEmpty()) {
            throw new UploadException("file name is empty");
        }
        int slash = filename.lastIndexOf('/');
        String directories = filename.substring(0, slash + 1);
        String base = filename.substring(slash + 1);
        if (base.isEmpty()) {
            throw new UploadException("file name '" + filename + "' ends with '/'");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        // Formatted only for a layout that shows it: it was a large share of a small file's key.
        String timestamp = usesTimestamp ? TIMESTAMP.format(now) : "";
        String cleanPrefix = trimSlashes(prefix == null ? "" : prefix);
        String name = filenameMode == FilenameMode.FILENAME_TIMESTAMP ? withTimestamp(base, timestamp) : base;
        UUID uuid = template.contains("{uuid}") ? uuids.get() : null;
        // Placeholders never contain '/', so the template's last '/' is a literal one.
        int split = template.lastIndexOf('/');
        String key = fill(template.substring(0, split + 1), cleanPrefix, now, timestamp, uuid, name) + "/" + directories
                + fill(template.substring(split + 1), cleanPrefix, now, timestamp, uuid, name);
        return checkSegments(ObjectKeys.validate(ObjectKeys.normalize(key)));
    }

    private static String fill(
            String part, String prefix, LocalDateTime now, String timestamp, @Nullable UUID uuid, String name) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "prefix" -> prefix;
                case "date" ->
                    String.format(
                            Locale.ROOT, "%04d-%02d-%02d", now.getYear(), now.getMonthValue(), now.getDayOfMonth());
                case "year" -> String.format(Locale.ROOT, "%04d", now.getYear());
                case "month" -> String.format(Locale.ROOT, "%02d", now.getMonthValue());
                case "day" -> String.format(Locale.ROOT, "%02d", now.getDayOfMonth());
                case "timestamp" -> timestamp;
                case "uuid" ->
                    Objects.requireNonNull(uuid, "a {uuid} layout draws a uuid").toString();
                case "filename" -> name;
                default -> throw new IllegalStateException("placeholder checked at construction: " + m.group(1));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String checkSegments(String key) {
        if (key.indexOf('\\') >= 0) {
            throw new UploadException("object key '" + key + "' would contain a backslash; rename the file or prefix");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new UploadException("object key '" + key + "' would contain a '" + segment + "' segment");
            }
        }
        return key;
    }

    /**
     * What gives the same file a new key every run, if anything: {@code {uuid}}, {@code {timestamp}} or
     * {@link FilenameMode#FILENAME_TIMESTAMP}. With one of them no earlier upload can be found by its key. (Date
     * placeholders change only daily: a rerun the same day finds the same key.)
     */
    public Optional<String> nonDeterministicPart() {
        if (template.contains("{uuid}")) {
            return Optional.of("{uuid}");
        }
        if (template.contains("{timestamp}")) {
            return Optional.of("{timestamp}");
        }
        if (filenameMode == FilenameMode.FILENAME_TIMESTAMP && template.contains("{filename}")) {
            return Optional.of("filename mode filename_timestamp");
        }
        return Optional.empty();
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * {@code a/photo.tar.gz} becomes {@code a/photo.tar_<ts>.gz}: the last extension of the last
     * segment, as Python's {@code os.path.splitext} (which the Dify plugin uses) splits it, so a
     * leading dot ({@code .env}) is a name, not an extension.
     */
    static String withTimestamp(String filename, String timestamp) {
        int slash = filename.lastIndexOf('/');
        String dir = filename.substring(0, slash + 1);
        String last = filename.substring(slash + 1);
        int dot = last.lastIndexOf('.');
        boolean hasExtension = dot > 0 && last.substring(0, dot).chars().anyMatch(c -> c != '.');
        if (!hasExtension) {
            return dir + last + "_" + timestamp;
        }
        return dir + last.substring(0, dot) + "_" + timestamp + last.substring(dot);
    }
}
