package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A product's actions by name, filled by its action groups; the dispatch every {@link RpcService} shares. */
public final class ActionTable {
    private final Map<String, Function<RpcCall, ObjectNode>> actions = new HashMap<>();

    /** The map action groups register into. */
    public Map<String, Function<RpcCall, ObjectNode>> registry() {
        return actions;
    }

    public Set<String> names() {
        return Set.copyOf(actions.keySet());
    }

    public ObjectNode invoke(RpcCall call) {
        Function<RpcCall, ObjectNode> action = actions.get(call.action());
        if (action == null) {
            throw new IllegalStateException("no action " + call.action());
        }
        return action.apply(call);
    }
}
