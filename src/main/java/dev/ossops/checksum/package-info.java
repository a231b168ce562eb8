/**
 * Checksums shared by the whole toolkit: CRC-64/ECMA-182 as OSS reports it, with the combination of
 * per-part values that multipart uploads need. Pure computation, no I/O and no dependencies.
 */
package dev.ossops.checksum;
