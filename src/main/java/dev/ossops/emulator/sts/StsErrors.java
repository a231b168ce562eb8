package dev.ossops.emulator.sts;

import dev.ossops.emulator.rpc.RpcException;

/** STS's error answers as the STS API documents them. */
final class StsErrors {
    private StsErrors() {
    }

    static RpcException roleArn() {
        return new RpcException(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
    }

    static RpcException roleNotFound() {
        return new RpcException(404, "EntityNotExist.Role", "The specified Role not exists .");
    }

    static RpcException notTrusted() {
        return new RpcException(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.");
    }

    static RpcException sessionName() {
        return new RpcException(400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
    }

    static RpcException duration(long maxSeconds) {
        return new RpcException(400, "InvalidParameter.DurationSeconds",
                "The Min/Max value of DurationSeconds is 15min/" + maxSeconds / 3600 + "hr.");
    }

    static RpcException policyGrammar() {
        return new RpcException(400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check.");
    }

    static RpcException policyLength() {
        return new RpcException(400, "InvalidParameter.PolicyLength", "The parameter Policy is too long.");
    }
}
