package dev.ossops.audit;

/** A check that could not decide for {@code resource} because an input was unreadable; {@code reason} says which. */
public record Unknown(CheckRule rule, String resource, String reason) implements CheckResult {}
