package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcErrors;
import dev.ossops.emulator.rpc.RpcService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * CDN API version 2018-05-10. Only the account root may call it for now: RAM users and role
 * sessions need {@code cdn:} actions, which the shared policy evaluator will decide.
 */
public final class CdnService implements RpcService {
    private final Map<String, Function<RpcCall, ObjectNode>> actions = new HashMap<>();

    /** {@code propagation}: how long a changed domain stays {@code configuring} before it reads online. */
    public CdnService(CdnStore store, String accountId, Duration propagation) {
        new DomainActions(store, propagation).register(actions);
        new ConfigActions(store, new CdnFunctions(accountId)).register(actions);
        new EdgeActions(store).register(actions);
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
    public String host() {
        return "cdn.aliyuncs.com";
    }

    @Override
    public Set<String> actions() {
        return Set.copyOf(actions.keySet());
    }

    @Override
    public ObjectNode invoke(RpcCall call) {
        if (!(call.caller().principal() instanceof Principal.Root)) {
            throw RpcErrors.noPermission("You are not authorized to operate on the specified resource, or this API does not support RAM.");
        }
        return actions.get(call.action()).apply(call);
    }
}
