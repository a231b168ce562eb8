/**
 * RAM and bucket policy documents: parse, normalise, evaluate. Pure; shared by the emulator, audit
 * and the minimal-policy proofs.
 *
 * <ul>
 *   <li>{@link dev.ossops.policy.PolicyParser} reads identity, session, bucket and trust policies
 *       into {@link dev.ossops.policy.PolicyDocument}; errors name the element's path.</li>
 *   <li>{@link dev.ossops.policy.PolicyNormalizer} gives the canonical form and {@code equivalent}.</li>
 *   <li>{@link dev.ossops.policy.PolicyEvaluator} decides a {@link dev.ossops.policy.RequestContext}
 *       under a {@link dev.ossops.policy.PolicySet}, and trust policies for AssumeRole.</li>
 *   <li>{@link dev.ossops.policy.OssApi} and {@link dev.ossops.policy.OssAction} map OSS operations
 *       to RAM actions and classify them.</li>
 *   <li>{@link dev.ossops.policy.PolicyAudit} answers audit's questions about policies.</li>
 * </ul>
 */
package dev.ossops.policy;
