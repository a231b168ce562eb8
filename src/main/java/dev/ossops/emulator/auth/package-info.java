/**
 * Who sent a request: OSS signature V1 and V4 (header and presigned query) verified against a
 * {@link dev.ossops.emulator.auth.CredentialLookup}, with the canonical forms of the official SDKs.
 */
package dev.ossops.emulator.auth;
