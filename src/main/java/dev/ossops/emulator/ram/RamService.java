package dev.ossops.emulator.ram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcService;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** RAM API version 2015-05-01. */
public final class RamService implements RpcService {
    private final Map<String, Function<RpcCall, ObjectNode>> actions = new HashMap<>();

    public RamService(RamStore store) {
        Ids ids = new Ids();
        new UserActions(store, ids).register(actions);
        new RoleActions(store, ids).register(actions);
        new PolicyActions(store).register(actions);
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
        return Set.copyOf(actions.keySet());
    }

    @Override
    public ObjectNode invoke(RpcCall call) {
        return actions.get(call.action()).apply(call);
    }
}
