/** Renders an {@link dev.ossops.audit.AuditReport} as a text table, versioned JSON or SARIF 2.1.0. */
package dev.ossops.audit.report;
