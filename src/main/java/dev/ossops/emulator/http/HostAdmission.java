package dev.ossops.emulator.http;

import java.util.Set;

/**
 * Which Host names the emulator answers to. A request naming any other host is refused before
 * anything else reads it, so a web page whose own name an attacker re-points at 127.0.0.1 (DNS
 * rebinding) cannot reach the emulator under that name. The loopback names are always admitted;
 * the operator adds names ({@code --allow-host}); a feature serving names of its own (a CDN edge
 * answering for the domains added through the CDN API) adds an admission of its own with {@link #or}.
 */
@FunctionalInterface
public interface HostAdmission {
    /**
     * @param name the host name of the request, lower case and without the port
     */
    boolean admits(String name);

    default HostAdmission or(HostAdmission other) {
        return name -> admits(name) || other.admits(name);
    }

    /** 127.0.0.1, localhost, [::1] and their {@code bucket.} forms. */
    static HostAdmission loopback() {
        return HostNames::isLoopback;
    }

    /** The given lower-case names and, for each, the {@code bucket.} virtual-host form. */
    static HostAdmission names(Set<String> names) {
        Set<String> admitted = Set.copyOf(names);
        return name ->
                admitted.contains(name) || admitted.stream().anyMatch(parent -> HostNames.isBucketOf(name, parent));
    }
}
