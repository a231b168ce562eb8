package dev.ossops.emulator.rpc;

import java.time.Instant;

/** An authenticated call handed to a service: parameters, who signed it, its request id and time. */
public record RpcCall(String action, Params params, Credential caller, String requestId, Instant now) {}
