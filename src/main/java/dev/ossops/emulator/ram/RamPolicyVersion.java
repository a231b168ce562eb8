package dev.ossops.emulator.ram;

/** One version of a policy document ({@code v1}, {@code v2}, ...). */
record RamPolicyVersion(String versionId, String document, String createDate) {}
