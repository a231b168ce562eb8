package dev.ossops.audit;

import java.util.List;

/** A profile edit that remediates a finding; {@link Fixes} turns these into files for review. */
public sealed interface ProfileChange {

    /** The profile key at {@code path} (one segment per key) takes {@code value} (a String, Boolean, Long or Map). */
    record SetValue(List<String> path, Object value) implements ProfileChange {
        public SetValue {
            path = List.copyOf(path);
        }
    }

    /**
     * A document file to write ({@code lifecycle/abort-incomplete-uploads.json}) and reference at {@code path}:
     * appended to the list there when {@code append}, otherwise set as the value.
     */
    record Document(List<String> path, boolean append, String file, String content) implements ProfileChange {
        public Document {
            path = List.copyOf(path);
        }
    }
}
