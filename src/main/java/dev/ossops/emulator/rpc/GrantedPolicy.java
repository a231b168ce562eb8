package dev.ossops.emulator.rpc;

/** A RAM policy attached to a user or role as it stands now: name, System/Custom, default version's document. */
public record GrantedPolicy(String policyName, String policyType, String document) {}
