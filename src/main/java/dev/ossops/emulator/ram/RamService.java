package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.ActionTable;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.RpcApi;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcService;

import java.util.Set;

/** RAM API version 2015-05-01. */
public final class RamService implements RpcService {
    static final RpcApi API = new RpcApi("Ram", "2015-05-01", "ram", "ram.aliyuncs.com");
    private final ActionTable actions = new ActionTable();

    public RamService(RamStore store) {
        Ids ids = new Ids();
        new UserActions(store, ids).register(actions.registry());
        new RoleActions(store, ids).register(actions.registry());
        new PolicyActions(store).register(actions.registry());
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
