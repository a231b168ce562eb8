package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading the name out of a Host header, and which names are this machine's loopback names. */
final class HostNames {
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    /** One DNS label, as a bucket name in a virtual-host name is. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private HostNames() {}

    /** The host name of a Host header value, lower case and without the port; empty when the value is not a host. */
    static Optional<String> nameOf(@Nullable String hostHeader) {
        if (hostHeader == null) {
            return Optional.empty();
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            name = host.substring(0, close + 1);
            port = host.substring(close + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? "" : host.substring(colon);
        }
        if (name.isEmpty()
                || !(port.isEmpty()
                        || (port.startsWith(":")
                                && PORT.matcher(port.substring(1)).matches()))) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /**
     * 127.0.0.1, localhost and [::1], and their {@code bucket.} virtual-host forms. Every name under
     * {@code localhost} is loopback (RFC 6761 section 6.3; browsers resolve them so without asking DNS),
     * so no other machine can be behind one.
     */
    static boolean isLoopback(String name) {
        return name.equals("127.0.0.1")
                || name.equals("[::1]")
                || name.equals("localhost")
                || isUnder(name, "localhost")
                || isBucketOf(name, "127.0.0.1");
    }

    /** Whether {@code name} is one or more labels followed by {@code .parent}. */
    private static boolean isUnder(String name, String parent) {
        if (name.length() <= parent.length() + 1 || !name.endsWith("." + parent)) {
            return false;
        }
        for (String label :
                name.substring(0, name.length() - parent.length() - 1).split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is {@code <one label>.<parent>}, the virtual-host form of a bucket under {@code parent}. */
    static boolean isBucketOf(String name, String parent) {
        return name.length() > parent.length() + 1
                && name.endsWith("." + parent)
                && LABEL.matcher(name.substring(0, name.length() - parent.length() - 1))
                        .matches();
    }
}
