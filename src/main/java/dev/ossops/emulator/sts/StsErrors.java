package dev.ossops.emulator.sts;

import dev.ossops.emulator.rpc.RpcException;

/** STS's error answers as the AssumeRole reference lists them (messages verbatim). */
final class StsErrors {
    private StsErrors() {}

    static RpcException roleArn() {
        return new RpcException(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
    }

    static RpcException roleNotFound() {
        return new RpcException(404, "EntityNotExist.Role", "The specified Role not exists.");
    }

    /**
     * AssumeRole signed with an account's own (root) AccessKey: STS accepts only RAM users and role
     * sessions as callers. Code and message as OSS's "STS common errors" page (42775) lists them.
     */
    static RpcException rootAccount() {
        return new RpcException(403, "NoPermission", "Roles may not be assumed by root accounts.");
    }

    static RpcException notTrusted() {
        return new RpcException(
                403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.");
    }

    static RpcException sessionName() {
        return new RpcException(
                400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
    }

    /** The message keeps saying 1hr even when the role allows longer sessions, as the service's does. */
    static RpcException duration() {
        return new RpcException(
                400, "InvalidParameter.DurationSeconds", "The Min/Max value of DurationSeconds is 15min/1hr.");
    }

    static RpcException policyGrammar() {
        return new RpcException(
                400, "InvalidParameter.PolicyGrammar", "The parameter Policy has not passed grammar check.");
    }

    static RpcException policyLength() {
        return new RpcException(
                400,
                "InvalidParameter.PolicySize",
                "The size of Policy must be smaller than " + StsService.MAX_SESSION_POLICY_BYTES + " bytes.");
    }
}
