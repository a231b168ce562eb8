package dev.ossops.cloud.ram;

import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import dev.ossops.cloud.PopClient;

/** Who the credentials belong to (STS GetCallerIdentity): which account, and whether the caller is the account itself. */
public final class IdentityGateway {
    private final PopClient client;

    /** {@code client} is a {@code PopClient} for {@code PopProduct.STS}. */
    public IdentityGateway(PopClient client) {
        this.client = client;
    }

    public RamModel.CallerIdentity callerIdentity() {
        GetCallerIdentityResponse r = client.call("GetCallerIdentity", new GetCallerIdentityRequest());
        return new RamModel.CallerIdentity(
                r.getAccountId(),
                r.getIdentityType() == null ? "" : r.getIdentityType(),
                r.getArn() == null ? "" : r.getArn(),
                r.getUserId() == null ? "" : r.getUserId());
    }
}
