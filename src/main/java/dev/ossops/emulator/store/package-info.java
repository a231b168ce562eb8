/**
 * The emulator's disk: crash-safe files (temporary file, fsync, atomic rename) for buckets,
 * configurations, object versions, blobs and multipart uploads; an in-memory index rebuilt at start.
 */
package dev.ossops.emulator.store;
