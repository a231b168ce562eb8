/**
 * The emulator's POP RPC front (RAM, STS, CDN): transport-independent request handling,
 * signature version 1.0 verification, credential lookup and JSON/XML rendering.
 *
 * <p>Integration with the OSS HTTP server: when a request's query or form has {@code Action}
 * and {@code Version} ({@link dev.ossops.emulator.rpc.RpcRequest#isRpc}), build an
 * {@link dev.ossops.emulator.rpc.RpcRequest} ({@code fromHttp} parses a form body) and write
 * back the {@link dev.ossops.emulator.rpc.RpcResponse} from
 * {@link dev.ossops.emulator.rpc.RpcHandler#handle}. OSS authentication resolves access keys
 * with the same {@link dev.ossops.emulator.rpc.CredentialLookup} and checks
 * {@link dev.ossops.emulator.rpc.Credential#refusal}; the {@link dev.ossops.emulator.rpc.Principal}
 * and granted policies are what OSS authorization evaluates.
 */
package dev.ossops.emulator.rpc;
