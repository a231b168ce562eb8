package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.PublicAccessBlockCodec;
import dev.ossops.emulator.config.PublicAccessBlockConfiguration;
import dev.ossops.policy.OssAction;

import java.util.function.Supplier;

/**
 * The service-level (no bucket) OSS APIs on the account's own settings: PutPublicAccessBlock,
 * GetPublicAccessBlock and DeletePublicAccessBlock ({@code /?publicAccessBlock} on the endpoint).
 * Checked against the OSS API reference: the body is the bucket-level document; GET answers
 * {@code false} when nothing is set; the account may call them, RAM users and STS sessions need
 * {@code oss:Put/Get/DeletePublicAccessBlock} on the account's resource. Each caller reaches its
 * own account's settings.
 */
public final class AccountService {
    private final AccessControl access;
    private final PublicAccessBlockCodec codec = new PublicAccessBlockCodec();

    public AccountService(AccessControl access) {
        this.access = access;
    }

    /** The GetPublicAccessBlock document; off when never put or deleted. */
    public String getPublicAccessBlock(Caller caller) {
        String account = access.checkAccount(caller, OssAction.GET_PUBLIC_ACCESS_BLOCK);
        return codec.render(
                new PublicAccessBlockConfiguration(access.settingsOf(account).blocksPublicAccess()));
    }

    /** Authorizes before the body is read, so a denied caller's document is neither read nor parsed. */
    public void putPublicAccessBlock(Caller caller, Supplier<byte[]> body) {
        String account = access.checkAccount(caller, OssAction.PUT_PUBLIC_ACCESS_BLOCK);
        access.settingsOf(account).putBlockPublicAccess(codec.parse(body.get()).blockPublicAccess());
    }

    public void deletePublicAccessBlock(Caller caller) {
        String account = access.checkAccount(caller, OssAction.DELETE_PUBLIC_ACCESS_BLOCK);
        access.settingsOf(account).deleteBlockPublicAccess();
    }
}
