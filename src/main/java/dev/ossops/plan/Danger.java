package dev.ossops.plan;

/** Why a change can lose data or open access: the rule that flagged it and a message for people. */
public record Danger(DangerRule rule, String message) {}
