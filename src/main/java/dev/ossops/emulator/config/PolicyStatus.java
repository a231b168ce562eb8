package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlWriter;

import java.util.Optional;

/**
 * {@code GET ?policyStatus}: whether the bucket's policy grants public access. Deciding that needs
 * the policy evaluator, so the service passes it in as an {@link Evaluator}.
 */
public final class PolicyStatus {
    private PolicyStatus() {}

    /** Decides public-ness of a stored policy; implemented over {@code dev.ossops.policy} by the service. */
    @FunctionalInterface
    public interface Evaluator {
        boolean isPublic(BucketPolicyText policy);
    }

    /** The GetBucketPolicyStatus document; a bucket without a policy is not public. */
    public static BucketConfigCodec.StoredConfig render(Optional<BucketPolicyText> policy, Evaluator evaluator) {
        boolean isPublic = policy.map(evaluator::isPublic).orElse(false);
        return ConfigXml.xml(new XmlWriter()
                .start("PolicyStatus")
                .element("IsPublic", isPublic)
                .end()
                .toXml());
    }
}
