package dev.ossops.emulator.ram;

import dev.ossops.emulator.rpc.RpcException;

/** RAM's error answers: code, HTTP status and message as the RAM API documents them. */
final class RamErrors {
    private RamErrors() {
    }

    static RpcException userNotFound(String name) {
        return new RpcException(404, "EntityNotExist.User", "The user does not exist: " + name + ".");
    }

    static RpcException userExists(String name) {
        return new RpcException(409, "EntityAlreadyExists.User", "The user already exists: " + name + ".");
    }

    static RpcException roleNotFound(String name) {
        return new RpcException(404, "EntityNotExist.Role", "The role does not exist: " + name + ".");
    }

    static RpcException roleExists(String name) {
        return new RpcException(409, "EntityAlreadyExists.Role", "The role already exists: " + name + ".");
    }

    static RpcException policyNotFound(String name) {
        return new RpcException(404, "EntityNotExist.Policy", "The policy does not exist: " + name + ".");
    }

    static RpcException policyExists(String name) {
        return new RpcException(409, "EntityAlreadyExists.Policy", "The policy already exists: " + name + ".");
    }

    static RpcException versionNotFound(String policy, String version) {
        return new RpcException(404, "EntityNotExist.Policy.Version", "The policy version does not exist: " + policy + ", " + version + ".");
    }

    static RpcException accessKeyNotFound(String masked) {
        return new RpcException(404, "EntityNotExist.User.AccessKey", "The access key does not exist: " + masked + ".");
    }

    static RpcException accessKeyLimit() {
        return new RpcException(409, "LimitExceeded.User.AccessKey", "Exceeded the max number of access keys per user.");
    }

    static RpcException versionLimit() {
        return new RpcException(409, "LimitExceeded.Policy.Version", "Exceeded the max number of versions per policy.");
    }

    static RpcException deleteDefaultVersion() {
        return new RpcException(409, "DeleteConflict.Policy.Version.Default", "The default version of a policy can not be deleted.");
    }

    static RpcException policyHasVersions() {
        return new RpcException(409, "DeleteConflict.Policy.Version", "The policy has non-default versions; delete them first.");
    }

    static RpcException policyAttachedToUser() {
        return new RpcException(409, "DeleteConflict.Policy.User", "The policy is still attached to a user.");
    }

    static RpcException policyAttachedToRole() {
        return new RpcException(409, "DeleteConflict.Policy.Role", "The policy is still attached to a role.");
    }

    static RpcException userHasAccessKeys() {
        return new RpcException(409, "DeleteConflict.User.AccessKey", "The user still has access keys; delete them first.");
    }

    static RpcException userHasPolicies() {
        return new RpcException(409, "DeleteConflict.User.Policy", "The user still has policies attached; detach them first.");
    }

    static RpcException roleHasPolicies() {
        return new RpcException(409, "DeleteConflict.Role.Policy", "The role still has policies attached; detach them first.");
    }

    static RpcException alreadyAttached(String kind) {
        return new RpcException(409, "EntityAlreadyExists." + kind + ".Policy", "The policy is already attached to the " + kind.toLowerCase(java.util.Locale.ROOT) + ".");
    }

    static RpcException notAttached(String kind) {
        return new RpcException(404, "EntityNotExist." + kind + ".Policy", "The policy is not attached to the " + kind.toLowerCase(java.util.Locale.ROOT) + ".");
    }

    static RpcException invalidChars(String parameter) {
        return new RpcException(400, "InvalidParameter." + parameter + ".InvalidChars", "The parameter - " + parameter + " contains invalid chars.");
    }

    static RpcException length(String parameter) {
        return new RpcException(400, "InvalidParameter." + parameter + ".Length", "The parameter - " + parameter + " beyond the length limit.");
    }

    static RpcException invalid(String parameter) {
        return new RpcException(400, "InvalidParameter." + parameter, "The parameter - " + parameter + " is invalid.");
    }

    static RpcException malformedDocument(String why) {
        return new RpcException(400, "MalformedPolicyDocument", "The policy document is malformed: " + why);
    }
}
