package dev.ossops.emulator.ram;

import dev.ossops.emulator.rpc.ActionTableService;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.RpcApi;

/** RAM API version 2015-05-01. */
public final class RamService extends ActionTableService {
    static final RpcApi API = new RpcApi("Ram", "2015-05-01", "ram", "ram.aliyuncs.com");

    public RamService(RamStore store) {
        super(API);
        Ids ids = new Ids();
        new UserActions(store, ids).register(registry());
        new RoleActions(store, ids).register(registry());
        new PolicyActions(store).register(registry());
    }
}
