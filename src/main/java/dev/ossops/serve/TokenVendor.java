package dev.ossops.serve;

import dev.ossops.cloud.upload.StsVending;

/** STS AssumeRole with a session policy, called with the service's own (RAM user) credentials; {@link StsVending#assume} fits. */
@FunctionalInterface
public interface TokenVendor {
    StsVending.Issued assume(String role, String sessionName, String sessionPolicy, long durationSeconds);
}
