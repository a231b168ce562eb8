package dev.ossops.emulator.auth;

import java.util.Optional;

/**
 * Resolves an AccessKey id to the credential behind it. The root key is one source; the RAM and
 * STS emulators add theirs by composing lookups with {@link #or}.
 */
@FunctionalInterface
public interface CredentialLookup {
    Optional<AccessKey> find(String accessKeyId);

    /** This lookup, then {@code next} for ids this one does not know. */
    default CredentialLookup or(CredentialLookup next) {
        return id -> {
            Optional<AccessKey> found = find(id);
            return found.isPresent() ? found : next.find(id);
        };
    }

    /** A lookup that knows exactly one key. */
    static CredentialLookup of(AccessKey key) {
        return id -> key.id().equals(id) ? Optional.of(key) : Optional.empty();
    }
}
