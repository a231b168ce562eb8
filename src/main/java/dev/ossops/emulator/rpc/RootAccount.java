package dev.ossops.emulator.rpc;

import dev.ossops.common.AccessKeys;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The account's own key pair and 16-digit uid, given when the emulator is built. */
public record RootAccount(String accountId, String accessKeyId, String secret) implements CredentialLookup {
    private static final Pattern UID = Pattern.compile("\\d{16}");

    public RootAccount {
        if (!UID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account uid must be 16 digits: " + accountId);
        }
        if (accessKeyId.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException("root access key id and secret must not be empty");
        }
    }

    @Override
    public Optional<Credential> find(String id) {
        return accessKeyId.equals(id)
                ? Optional.of(Credential.permanent(accessKeyId, secret, new Principal.Root(accountId), true, List.of()))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return "RootAccount[" + accountId + ", " + AccessKeys.mask(accessKeyId) + "]";
    }
}
