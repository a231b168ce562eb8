package dev.ossops.apply.cdn;

import dev.ossops.apply.Step;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns private OSS origin access ({@code l2_oss_key}) on or off. Only {@code private_oss_auth} is sent: the service
 * adds {@code perm_private_oss_tbl} and {@code private_oss_ram_unauthorized} itself, and the planner ignores them, so
 * they never cause a diff. Off removes the configuration.
 */
record SetPrivateOssAuthStep(Address address, List<Address> dependsOn, CdnGateway gateway, String domain, boolean on)
        implements Step {
    static final String FUNCTION = CdnLiveSource.L2_OSS_KEY;

    @Override
    public String describe() {
        return "SetPrivateOssAuth " + domain + (on ? " on" : " off");
    }

    @Override
    public void run() {
        List<CdnModel.Config> live = gateway.configs(domain, List.of(FUNCTION)).orElse(List.of());
        if (!on) {
            live.forEach(c -> gateway.deleteConfig(domain, c.configId()));
            return;
        }
        if (live.size() == 1 && "on".equals(live.get(0).args().get("private_oss_auth"))) {
            return;
        }
        Optional<String> replace = live.stream().findFirst().map(CdnModel.Config::configId);
        gateway.setConfigs(
                domain, List.of(new CdnModel.FunctionSetting(FUNCTION, replace, Map.of("private_oss_auth", "on"))));
    }
}
