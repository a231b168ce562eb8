package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.ActionTable;
import dev.ossops.emulator.rpc.RpcApi;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcService;

import java.time.Duration;
import java.util.Set;

/** CDN API version 2018-05-10. Who may call it is the RPC front's {@code RpcAuthorizer}'s decision. */
public final class CdnService implements RpcService {
    static final RpcApi API = new RpcApi("Cdn", "2018-05-10", "cdn", "cdn.aliyuncs.com");
    private final ActionTable actions = new ActionTable();

    /** {@code propagation}: how long a changed domain stays {@code configuring} before it reads online. */
    public CdnService(CdnStore store, String accountId, Duration propagation) {
        new DomainActions(store, propagation).register(actions.registry());
        new ConfigActions(store, new CdnFunctions(accountId)).register(actions.registry());
        new EdgeActions(store).register(actions.registry());
    }

    @Override
    public RpcApi api() {
        return API;
    }

    @Override
    public Set<String> actions() {
        return actions.names();
    }

    @Override
    public ObjectNode invoke(RpcCall call) {
        return actions.invoke(call);
    }
}
