package dev.ossops.emulator.rpc;

/**
 * The resource ARN an RPC call is authorized on, in the forms RAM's and CDN's authorization
 * references use: {@code acs:ram:*:<uid>:user/<UserName>} (and {@code role/}, {@code policy/},
 * {@code group/}), {@code acs:cdn:*:<uid>:domain/<DomainName>}, and the role's own ARN for
 * {@code sts:AssumeRole}. Calls that name no such parameter (ListUsers, DescribeUserDomains) are
 * authorized on {@code acs:<product>:*:<uid>:*}, which only policies granting the whole product
 * (or {@code *}) match.
 */
final class RpcResources {
    private RpcResources() {}

    static String of(String ramAction, String accountId, Params params) {
        String product = ramAction.substring(0, ramAction.indexOf(':'));
        if ("sts:AssumeRole".equals(ramAction) && params.optional("RoleArn").isPresent()) {
            return params.optional("RoleArn").get();
        }
        String prefix = "acs:" + product + ":*:" + accountId + ":";
        if ("ram".equals(product)) {
            for (String[] kind : new String[][] {
                {"UserName", "user/"}, {"RoleName", "role/"}, {"PolicyName", "policy/"}, {"GroupName", "group/"}
            }) {
                if (params.optional(kind[0]).isPresent()) {
                    return prefix + kind[1] + params.optional(kind[0]).get();
                }
            }
        }
        if ("cdn".equals(product) && params.optional("DomainName").isPresent()) {
            return prefix + "domain/" + params.optional("DomainName").get();
        }
        return prefix + "*";
    }
}
