package dev.ossops.emulator.cdn;

import dev.ossops.emulator.rpc.RpcException;

/**
 * CDN's error answers with codes, statuses and messages as the CDN API reference lists them
 * (verbatim, including the service's own spelling such as {@code InvaildParameter}).
 */
final class CdnErrors {
    private CdnErrors() {}

    /** {@code Invalid<Parameter>.Malformed}, the form AddCdnDomain and most CDN APIs use. */
    static RpcException malformed(String parameter) {
        return new RpcException(400, "Invalid" + parameter + ".Malformed", "Specified " + parameter + " is malformed.");
    }

    static RpcException domainExists() {
        return new RpcException(400, "DomainAlreadyExist", "This domain name is exist already");
    }

    static RpcException domainNotFound() {
        return new RpcException(404, "InvalidDomain.NotFound", "The domain provided does not belong to you.");
    }

    static RpcException functionNotSupported(String functionName) {
        return new RpcException(
                400, "InvalidFunctionName.ValueNotSupported", "FunctionName " + functionName + " is not supported.");
    }

    static RpcException argNotSupported(String argName) {
        return new RpcException(400, "InvalidArgName.ValueNotSupported", "ArgName " + argName + " is not supported.");
    }

    static RpcException argValue() {
        return new RpcException(400, "InvalidArgValue.Malformed", "Specified ArgValue is malformed.");
    }

    /** Not in the reference (it lists no error for an unknown ConfigId); shaped like the CDN's other NotFound codes. */
    static RpcException configNotFound() {
        return new RpcException(404, "InvalidConfigId.NotFound", "The specified ConfigId does not exist.");
    }

    static RpcException certificate() {
        return new RpcException(400, "InvaildParameter", "The Certificate you provided is malformed!");
    }

    static RpcException objectPath() {
        return new RpcException(400, "InvalidObjectPath.Malformed", "The specified ObjectPath is invalid.");
    }

    static RpcException objectType() {
        return new RpcException(400, "InvalidObjectType.Malformed", "The specified ObjectType is invalid.");
    }

    static RpcException tooManyPaths() {
        return new RpcException(
                400, "SingleRequest.OverLimit", "A maximum of 1000 URLs are supported for each request.");
    }
}
