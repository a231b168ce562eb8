package dev.ossops.upload;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Local file names made from names a server or a user controls (object keys, URL paths). A name is one path segment
 * on every platform, so a file made from it stays in the directory it is written to: no {@code /} or {@code \}
 * (Windows treats both as separators), no {@code :} (drive letters such as {@code C:x}, NTFS streams), no control
 * characters (NUL ends a name in C; CR and LF forge lines), and not {@code .} or {@code ..}.
 */
public final class LocalNames {
    private LocalNames() {}

    /** Why {@code name} cannot be a file name, or empty when it can. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("the name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("'" + name + "' names a directory");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("it contains '" + c + "', a path separator");
            }
            if (c == ':') {
                return Optional.of("it contains ':', a drive or stream separator on Windows");
            }
            if (isControl(c)) {
                return Optional.of("it contains the control character " + escape(c));
            }
        }
        return Optional.empty();
    }

    /** {@code dir/name}, after checking that {@code name} is one segment that the platform resolves inside {@code dir}. */
    public static Path inside(Path dir, String name) {
        problem(name).ifPresent(p -> {
            throw new UploadException("'" + printable(name) + "' cannot be a file name: " + p);
        });
        Path base = dir.toAbsolutePath().normalize();
        Path target;
        try {
            target = base.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw new UploadException("'" + printable(name) + "' cannot be a file name here: " + e.getReason(), e);
        }
        // What the platform makes of the name, whatever the checks above missed (a reserved form on some file system).
        if (!base.equals(target.getParent()) || !target.getFileName().toString().equals(name)) {
            throw new UploadException("'" + printable(name) + "' would be written outside " + dir);
        }
        return target;
    }

    /** {@code text} with control characters shown as {@code \xNN}, so printing it cannot move the cursor or forge a line. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isControl(c) ? escape(c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    private static String escape(char c) {
        return c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c);
    }
}
