package dev.ossops.emulator.rpc;

/**
 * The errors the POP gateway itself answers before a service sees the call (codes, statuses
 * and messages as the real gateway returns them to {@code aliyun-java-sdk-core}).
 */
public final class RpcErrors {
    /** The prefix {@code DefaultAcsClient} looks for to compare its own string to sign. */
    public static final String SERVER_STRING_TO_SIGN =
            "Specified signature is not matched with our calculation. server string to sign is:";

    private RpcErrors() {}

    /** {@code Missing<Name>}: the gateway's and every API's code for an absent required parameter. */
    public static RpcException missing(String parameter) {
        return new RpcException(400, "Missing" + parameter, parameter + " is mandatory for this action.");
    }

    public static RpcException invalidParameter(String parameter, String message) {
        return new RpcException(400, "InvalidParameter." + parameter, message);
    }

    public static RpcException accessKeyNotFound() {
        return new RpcException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    public static RpcException accessKeyInactive() {
        return new RpcException(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
    }

    public static RpcException signatureDoesNotMatch(String serverStringToSign) {
        return new RpcException(400, "SignatureDoesNotMatch", SERVER_STRING_TO_SIGN + serverStringToSign);
    }

    public static RpcException signatureMethod() {
        return new RpcException(400, "InvalidSignatureMethod", "Specified signature method is not valid.");
    }

    public static RpcException signatureVersion() {
        return new RpcException(400, "InvalidSignatureVersion", "Specified signature version is not valid.");
    }

    public static RpcException nonceUsed() {
        return new RpcException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    public static RpcException timestampExpired() {
        return new RpcException(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    public static RpcException timestampFormat() {
        return new RpcException(
                400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }

    public static RpcException securityTokenMissing() {
        return new RpcException(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");
    }

    public static RpcException securityTokenExpired() {
        return new RpcException(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
    }

    public static RpcException securityTokenMismatch() {
        return new RpcException(
                400,
                "InvalidSecurityToken.MismatchWithAccessKey",
                "Specified SecurityToken mismatch with the AccessKey.");
    }

    public static RpcException invalidVersion() {
        return new RpcException(400, "InvalidVersion", "Specified parameter Version is not valid.");
    }

    public static RpcException actionNotFound() {
        return new RpcException(
                404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
    }

    public static RpcException noPermission(String message) {
        return new RpcException(403, "NoPermission", message);
    }

    public static RpcException internal() {
        return new RpcException(
                500,
                "InternalError",
                "The request processing has failed due to some unknown error, exception or failure.");
    }
}
