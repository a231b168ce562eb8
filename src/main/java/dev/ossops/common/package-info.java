/**
 * Helpers every package may use and that use none of ossops's own: masked AccessKey ids, durable atomic file
 * writes, digests and HMACs, the exponential backoff curve, daemon schedulers, and the root of ossops's errors with their stable codes.
 * ArchitectureTest keeps this package a leaf.
 */
package dev.ossops.common;
