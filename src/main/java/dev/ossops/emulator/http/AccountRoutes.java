package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.service.AccountService;

/** {@code GET/PUT/DELETE /?publicAccessBlock} without a bucket: the account-level Block Public Access APIs. */
public final class AccountRoutes {
    private final AccountService account;

    public AccountRoutes(AccountService account) {
        this.account = account;
    }

    Reply getPublicAccessBlock(Caller caller) {
        return Reply.xml(200, account.getPublicAccessBlock(caller));
    }

    Reply putPublicAccessBlock(OssRequest r, Caller caller) {
        account.putPublicAccessBlock(caller, () -> r.document(DocumentLimits.SETTINGS));
        return Reply.empty(200);
    }

    /** OSS answers 204 No Content, as for the bucket-level Delete. */
    Reply deletePublicAccessBlock(Caller caller) {
        account.deletePublicAccessBlock(caller);
        return Reply.empty(204);
    }
}
