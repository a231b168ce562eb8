package dev.ossops.emulator.cdn;

import dev.ossops.emulator.rpc.RpcException;

/** CDN's error answers (codes and statuses as the CDN API documents them). */
final class CdnErrors {
    private CdnErrors() {
    }

    static RpcException malformed(String parameter) {
        return new RpcException(400, "Invalid" + parameter + ".Malformed", "Specified " + parameter + " is malformed.");
    }

    static RpcException malformed(String parameter, String why) {
        return new RpcException(400, "Invalid" + parameter + ".Malformed", "Specified " + parameter + " is malformed: " + why);
    }

    static RpcException domainExists() {
        return new RpcException(409, "DomainAlreadyExist", "The domain already exists.");
    }

    static RpcException domainNotFound() {
        return new RpcException(404, "InvalidDomain.NotFound", "The domain does not exist or does not belong to you.");
    }

    static RpcException domainOffline() {
        return new RpcException(400, "InvalidDomain.Offline", "The domain is offline; start it before changing its configuration.");
    }

    static RpcException configNotFound() {
        return new RpcException(404, "InvalidConfig.NotFound", "The specified config does not exist.");
    }

    static RpcException taskLimit() {
        return new RpcException(400, "InvalidObjectPath.ExceedsLimit", "Specified ObjectPath has too many entries (at most 1000 per request).");
    }
}
