package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.ActionTable;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcService;

import java.util.Set;

/** RAM API version 2015-05-01. */
public final class RamService implements RpcService {
    private final ActionTable actions = new ActionTable();

    public RamService(RamStore store) {
        Ids ids = new Ids();
        new UserActions(store, ids).register(actions.registry());
        new RoleActions(store, ids).register(actions.registry());
        new PolicyActions(store).register(actions.registry());
    }

    @Override
    public String version() {
        return "2015-05-01";
    }

    @Override
    public String product() {
        return "Ram";
    }

    @Override
    public String ramNamespace() {
        return "ram";
    }

    @Override
    public String host() {
        return "ram.aliyuncs.com";
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
