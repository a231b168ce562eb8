package dev.ossops.emulator.rpc;

import java.util.List;
import java.util.Optional;

/**
 * Resolves an access key id to its credential. The account root, RAM user keys and STS
 * session keys each provide one; {@link #chain} asks them in order. The OSS front authenticates
 * with the same interface.
 */
@FunctionalInterface
public interface CredentialLookup {

    Optional<Credential> find(String accessKeyId);

    static CredentialLookup chain(List<CredentialLookup> lookups) {
        List<CredentialLookup> copy = List.copyOf(lookups);
        return id -> copy.stream()
                .map(lookup -> lookup.find(id))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
