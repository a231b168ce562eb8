package dev.ossops.emulator.cdn;

import dev.ossops.emulator.rpc.ActionTableService;
import dev.ossops.emulator.rpc.RpcApi;

import java.time.Duration;

/** CDN API version 2018-05-10. Who may call it is the RPC front's {@code RpcAuthorizer}'s decision. */
public final class CdnService extends ActionTableService {
    static final RpcApi API = new RpcApi("Cdn", "2018-05-10", "cdn", "cdn.aliyuncs.com");

    /** {@code propagation}: how long a changed domain stays {@code configuring} before it reads online. */
    public CdnService(CdnStore store, String accountId, Duration propagation) {
        super(API);
        new DomainActions(store, propagation).register(registry());
        new ConfigActions(store, new CdnFunctions(accountId)).register(registry());
        new EdgeActions(store).register(registry());
    }
}
