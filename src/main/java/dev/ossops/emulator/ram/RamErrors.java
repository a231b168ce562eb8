package dev.ossops.emulator.ram;

import dev.ossops.emulator.rpc.RpcException;

/**
 * RAM's error answers: codes, HTTP statuses and messages as RAM's API error reference lists
 * them (including its capitalisation and grammar, which clients may match on). Where the
 * reference has no entry (the Role variants of user codes), the user wording is mirrored.
 */
final class RamErrors {
    private RamErrors() {}

    static RpcException userNotFound() {
        return new RpcException(404, "EntityNotExist.User", "The user does not exist.");
    }

    static RpcException userExists() {
        return new RpcException(409, "EntityAlreadyExists.User", "The user does already EXIST.");
    }

    static RpcException roleNotFound() {
        return new RpcException(404, "EntityNotExist.Role", "The role does not exist.");
    }

    static RpcException roleExists() {
        return new RpcException(409, "EntityAlreadyExists.Role", "The role does already EXIST.");
    }

    static RpcException policyNotFound() {
        return new RpcException(404, "EntityNotExist.Policy", "The policy does not exist.");
    }

    /** The reference prints "The group does already EXIST." here, evidently a copy slip; the policy is meant. */
    static RpcException policyExists() {
        return new RpcException(409, "EntityAlreadyExists.Policy", "The policy does already EXIST.");
    }

    static RpcException versionNotFound() {
        return new RpcException(404, "EntityNotExist.Policy.Version", "The policy version does not exist.");
    }

    static RpcException accessKeyNotFound() {
        return new RpcException(404, "EntityNotExist.User.AccessKey", "The user access key does not exist.");
    }

    static RpcException accessKeyLimit() {
        return new RpcException(
                409,
                "LimitExceeded.User.AccessKey",
                "The access key count of the user access keys beyond the current limits.");
    }

    static RpcException versionLimit() {
        return new RpcException(
                409, "LimitExceeded.Policy.Version", "The count of policy version beyond the current limits.");
    }

    static RpcException deleteDefaultVersion() {
        return new RpcException(
                409,
                "DeleteConflict.Policy.Version.Default",
                "The default policy version CAN NOT been deleted directly.");
    }

    static RpcException policyHasVersions() {
        return new RpcException(
                409, "DeleteConflict.Policy.Version", "The policy CAN NOT has any version except the default version.");
    }

    static RpcException policyAttachedToUser() {
        return new RpcException(
                409,
                "DeleteConflict.Policy.User",
                "The policy CAN NOT been attached to any user while deleting the policy.");
    }

    static RpcException policyAttachedToRole() {
        return new RpcException(
                409,
                "DeleteConflict.Policy.Role",
                "The policy CAN NOT been attached to any role while deleting the policy.");
    }

    static RpcException userHasAccessKeys() {
        return new RpcException(
                409, "DeleteConflict.User.AccessKey", "The user CAN NOT has any access key while deleting the user.");
    }

    static RpcException userHasPolicies() {
        return new RpcException(
                409, "DeleteConflict.User.Policy", "The user CAN NOT has any attached policy while deleting the user.");
    }

    static RpcException roleHasPolicies() {
        return new RpcException(
                409, "DeleteConflict.Role.Policy", "The role CAN NOT has any attached policy while deleting the role.");
    }

    /** {@code kind} is {@code User} or {@code Role}. */
    static RpcException alreadyAttached(String kind) {
        return new RpcException(
                409,
                "EntityAlreadyExists." + kind + ".Policy",
                "The " + kind.toLowerCase(java.util.Locale.ROOT) + " has already been attached this policy.");
    }

    static RpcException notAttached(String kind) {
        return new RpcException(
                404,
                "EntityNotExist." + kind + ".Policy",
                "The indicate policy of the " + kind.toLowerCase(java.util.Locale.ROOT) + " does not exist.");
    }

    static RpcException invalidChars(String parameter) {
        return new RpcException(
                400,
                "InvalidParameter." + parameter + ".InvalidChars",
                "The parameter - \"" + parameter + "\" contains invalid chars.");
    }

    static RpcException length(String parameter) {
        return new RpcException(
                400,
                "InvalidParameter." + parameter + ".Length",
                "The parameter - \"" + parameter + "\" beyond the length limit.");
    }

    static RpcException invalid(String parameter) {
        return new RpcException(
                400, "InvalidParameter." + parameter, "The parameter - \"" + parameter + "\" is incorrect.");
    }

    /** The reference leaves the message to "the error details"; ours says what is wrong. */
    static RpcException malformedDocument(String why) {
        return new RpcException(400, "MalformedPolicyDocument", "The policy document is malformed: " + why);
    }
}
