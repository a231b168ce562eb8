package dev.ossops.plan;

import dev.ossops.policy.Caller;

import java.util.Objects;

/**
 * How ossops itself reaches the account: as whom (from the identity check) and whether over HTTPS. Policy changes are
 * judged against it, so a policy that would lock ossops (and so the owner) out is found before it is applied.
 */
public record Connection(Caller caller, boolean secureTransport) {
    public Connection {
        Objects.requireNonNull(caller, "caller");
    }
}
