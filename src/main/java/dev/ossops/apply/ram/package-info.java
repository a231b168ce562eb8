/**
 * The apply steps for RAM changes (policies and their versions, roles, users, attachments), built by
 * {@link dev.ossops.apply.ram.RamSteps} over the {@code cloud.ram} gateway.
 */
package dev.ossops.apply.ram;
