/**
 * Access assertions checked against what is known about an account: an {@link dev.ossops.policy.access.AccessQuery}
 * ("anonymous may not GetObject under invoices/") against {@link dev.ossops.policy.access.AccessFacts} (bucket
 * ACLs, bucket policies, Block Public Access, the principals' policies, CDN domains; each fact known or unknown
 * with a reason) gives an {@link dev.ossops.policy.access.AccessVerdict}: holds, fails with a counterexample and the
 * statement that decided it, or unknown with the reason. {@link dev.ossops.policy.access.AccessChecker} quantifies
 * over every request the query describes and every value an unknown fact could take; one request in one world is
 * decided by {@link dev.ossops.policy.access.Authorization}. Pure: {@code plan} feeds it the desired state,
 * {@code audit} the live state.
 */
package dev.ossops.policy.access;
