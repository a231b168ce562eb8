/**
 * Who sent a request: OSS signature V1, V2 and V4 (header and presigned query) verified against the
 * emulator's one {@link dev.ossops.emulator.rpc.CredentialLookup} (root, RAM user and STS keys),
 * with the canonical forms of the official SDKs. The result is a
 * {@link dev.ossops.emulator.auth.Caller}: the credential and the request's condition keys.
 */
package dev.ossops.emulator.auth;
