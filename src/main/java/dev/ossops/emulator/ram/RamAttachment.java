package dev.ossops.emulator.ram;

/** A policy attached to a principal; {@code principalType} is {@code User} or {@code Role}. */
record RamAttachment(
        String principalType, String principalName, String policyType, String policyName, String attachDate) {
    static final String USER = "User";
    static final String ROLE = "Role";
}
