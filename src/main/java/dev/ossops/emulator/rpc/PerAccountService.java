package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * One product served to several accounts: each call goes to the instance of the account that
 * signed it (RAM users, roles and CDN domains are per account), so no account sees another's.
 */
public final class PerAccountService implements RpcService {
    private final Map<String, RpcService> byAccount;
    private final RpcService any;

    /** @param byAccount one instance per served account, all of the same product and version */
    public PerAccountService(Map<String, ? extends RpcService> byAccount) {
        if (byAccount.isEmpty()) {
            throw new IllegalArgumentException("no account to serve");
        }
        this.byAccount = Map.copyOf(byAccount);
        this.any = this.byAccount.values().iterator().next();
        for (RpcService service : this.byAccount.values()) {
            if (!service.api().equals(any.api()) || !service.actions().equals(any.actions())) {
                throw new IllegalArgumentException("per-account instances of " + any.api() + " differ");
            }
        }
    }

    @Override
    public RpcApi api() {
        return any.api();
    }

    @Override
    public Set<String> actions() {
        return any.actions();
    }

    /** Every authenticated caller belongs to a served account: its credential was found in one of theirs. */
    @Override
    public ObjectNode invoke(RpcCall call) {
        RpcService service = byAccount.get(call.caller().principal().accountId());
        if (service == null) {
            throw new IllegalStateException("no " + any.api().product() + " for the caller's account "
                    + call.caller().principal().accountId());
        }
        return service.invoke(call);
    }
}
