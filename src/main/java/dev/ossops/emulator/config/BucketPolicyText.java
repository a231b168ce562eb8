package dev.ossops.emulator.config;

/**
 * A bucket policy as accepted: the JSON text exactly as put, which GetBucketPolicy returns
 * unchanged. Evaluating it is the job of {@code dev.ossops.policy}.
 */
public record BucketPolicyText(String json) {}
