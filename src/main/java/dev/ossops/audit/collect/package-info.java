/**
 * Reads live state into an {@link dev.ossops.audit.AuditSnapshot} through the cloud gateways: every bucket of the
 * account (or the named ones) at its own region, RAM policies and attachments, CDN domains, with bounded
 * concurrency. A read that fails becomes an unreadable input (an unknown result), never an aborted audit. The only
 * part of {@code audit} that does I/O; the checks stay pure.
 */
package dev.ossops.audit.collect;
