package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A product whose actions are a table by name, filled by its action groups in the subclass's constructor: the
 * dispatch every such {@link RpcService} shares, so a product's service class only says which groups it has.
 */
public abstract class ActionTableService implements RpcService {
    private final RpcApi api;
    private final Map<String, Function<RpcCall, ObjectNode>> actions = new HashMap<>();

    protected ActionTableService(RpcApi api) {
        this.api = api;
    }

    /** The map action groups register into. */
    protected final Map<String, Function<RpcCall, ObjectNode>> registry() {
        return actions;
    }

    @Override
    public final RpcApi api() {
        return api;
    }

    @Override
    public final Set<String> actions() {
        return Set.copyOf(actions.keySet());
    }

    @Override
    public final ObjectNode invoke(RpcCall call) {
        Function<RpcCall, ObjectNode> action = actions.get(call.action());
        if (action == null) {
            throw new IllegalStateException("no action " + call.action());
        }
        return action.apply(call);
    }
}
