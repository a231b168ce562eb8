package dev.ossops.apply;

import dev.ossops.plan.Address;

import java.util.List;

/**
 * One small, idempotent apply action with one job (for example putting a bucket's lifecycle).
 * Running it twice leaves live state as running it once.
 */
public interface Step {

    /** The plan address this step makes match. */
    Address address();

    /** Addresses whose steps must succeed before this one runs. */
    List<Address> dependsOn();

    /** A short description for progress and reports, e.g. {@code PutBucketLifecycle myapp-media}. */
    String describe();

    /** Makes live state match; throws {@link dev.ossops.cloud.CloudException} when the service refuses. */
    void run();
}
