package dev.ossops.emulator.rpc;

/** Why a known access key may not sign this request; each front maps it to its own error code. */
public enum CredentialRefusal {
    INACTIVE,
    SECURITY_TOKEN_MISSING,
    SECURITY_TOKEN_MISMATCH,
    EXPIRED
}
