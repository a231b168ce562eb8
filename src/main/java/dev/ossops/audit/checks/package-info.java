/**
 * The audit checks: one small class per check id, each pure over an {@link dev.ossops.audit.AuditSnapshot}.
 * {@link dev.ossops.audit.checks.Checks#all()} lists them in report order.
 */
package dev.ossops.audit.checks;
