package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.ActionTable;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcService;

import java.time.Duration;
import java.util.Set;

/** CDN API version 2018-05-10. Who may call it is the RPC front's {@code RpcAuthorizer}'s decision. */
public final class CdnService implements RpcService {
    private final ActionTable actions = new ActionTable();

    /** {@code propagation}: how long a changed domain stays {@code configuring} before it reads online. */
    public CdnService(CdnStore store, String accountId, Duration propagation) {
        new DomainActions(store, propagation).register(actions.registry());
        new ConfigActions(store, new CdnFunctions(accountId)).register(actions.registry());
        new EdgeActions(store).register(actions.registry());
    }

    @Override
    public String version() {
        return "2018-05-10";
    }

    @Override
    public String product() {
        return "Cdn";
    }

    @Override
    public String ramNamespace() {
        return "cdn";
    }

    @Override
    public String host() {
        return "cdn.aliyuncs.com";
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
