package dev.ossops.apply.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Who takes the lock, as {@code user@host}, from the environment (no name lookup, so no network). */
public final class LockHolder {
    private LockHolder() {}

    /** @param hostnameFile read for the host name when neither HOSTNAME nor COMPUTERNAME is set ({@code /etc/hostname}) */
    public static String describe(Map<String, String> variables, Path hostnameFile) {
        String user = first(variables, "USER", "USERNAME", "LOGNAME");
        String host = first(variables, "HOSTNAME", "COMPUTERNAME");
        if (host.isEmpty() && Files.isRegularFile(hostnameFile)) {
            try {
                host = Files.readString(hostnameFile, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + hostnameFile, e);
            }
        }
        return (user.isEmpty() ? "unknown" : user) + "@" + (host.isEmpty() ? "unknown" : host);
    }

    private static String first(Map<String, String> variables, String... names) {
        for (String name : names) {
            String value = variables.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "";
    }
}
