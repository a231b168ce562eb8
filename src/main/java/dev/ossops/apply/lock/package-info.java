/**
 * Apply's lock: one object, created with {@code x-oss-forbid-overwrite}, that keeps two applies of the same
 * environment from interleaving; taken before live state is read, released after, breakable by its id.
 */
package dev.ossops.apply.lock;
