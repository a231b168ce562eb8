package dev.ossops.emulator.auth;

import java.util.Optional;

/** The authenticated sender of a request: a principal, or anonymous when the request was not signed. */
public record Caller(Optional<Principal> principal) {
    private static final Caller ANONYMOUS = new Caller(Optional.empty());

    public static Caller anonymous() {
        return ANONYMOUS;
    }

    public static Caller of(Principal principal) {
        return new Caller(Optional.of(principal));
    }

    public boolean isAnonymous() {
        return principal.isEmpty();
    }

    public boolean isRoot() {
        return principal.map(Principal::root).orElse(false);
    }
}
