/**
 * Helpers every package may use and that use none of ossops's own: masked AccessKey ids, durable atomic file
 * writes, digests and HMACs, and the exponential backoff curve. ArchitectureTest keeps this package a leaf.
 */
package dev.ossops.common;
