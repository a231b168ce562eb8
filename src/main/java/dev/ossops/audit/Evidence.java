package dev.ossops.audit;

/** The property a finding is about ({@code buckets.media.acl}), its live value and the value that would pass. */
public record Evidence(String property, String actual, String expected) {}
