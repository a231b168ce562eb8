/**
 * The emulator's POP RPC front (RAM, STS, CDN): transport-independent request handling,
 * signature version 1.0 verification, JSON/XML rendering, and the one credential model of the
 * whole emulator: {@link dev.ossops.emulator.rpc.CredentialLookup} resolves an access key id to a
 * {@link dev.ossops.emulator.rpc.Credential} (secret, {@link dev.ossops.emulator.rpc.Principal},
 * active flag, STS token and expiry, policies attached now), which both fronts authenticate and
 * authorize with.
 *
 * <p>The OSS HTTP front hands a request over when its query or url-encoded form has
 * {@code Action} and {@code Version} ({@link dev.ossops.emulator.rpc.RpcRequest#isRpc}).
 * {@link dev.ossops.emulator.rpc.RpcAuthorizer#byPolicies} decides RAM users' and sessions' calls
 * with the shared policy evaluator.
 */
package dev.ossops.emulator.rpc;
