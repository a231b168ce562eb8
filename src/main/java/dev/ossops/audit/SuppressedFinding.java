package dev.ossops.audit;

/** A finding an ignore-file entry suppresses; listed in reports as such, never counted as a failure. */
public record SuppressedFinding(Finding finding, Suppression suppression) {}
