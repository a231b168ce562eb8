/**
 * Audit over live state: an {@link dev.ossops.audit.AuditSnapshot} (collected beforehand, every input found, absent
 * or unreadable) goes through pure {@link dev.ossops.audit.Check}s (package {@code checks}) in an
 * {@link dev.ossops.audit.Auditor}, which applies {@link dev.ossops.audit.Suppressions} and yields an
 * {@link dev.ossops.audit.AuditReport}; reporters (package {@code report}) render it as text, JSON or SARIF and
 * {@link dev.ossops.audit.Fixes} turns findings into profile changes for review. No I/O and no SDK types here.
 */
package dev.ossops.audit;
