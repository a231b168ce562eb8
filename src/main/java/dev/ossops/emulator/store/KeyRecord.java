package dev.ossops.emulator.store;

import java.util.List;
import java.util.Optional;

/** Every version of one key, newest first, persisted together in one file. */
public record KeyRecord(String key, List<ObjectVersion> versions) {
    public KeyRecord {
        versions = List.copyOf(versions);
    }

    /** The current version, empty when the key has no versions or the newest is a delete marker. */
    public Optional<ObjectVersion> current() {
        return versions.isEmpty() || versions.get(0).deleteMarker() ? Optional.empty() : Optional.of(versions.get(0));
    }

    public Optional<ObjectVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }
}
