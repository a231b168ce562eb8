package dev.ossops.cloud.ram;

import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.credentials.CredentialsException;
import dev.ossops.cloud.credentials.Secrets;

import java.util.Set;

/**
 * The one identity check before a command reads live state: STS GetCallerIdentity with the credentials the command
 * will use. A rejected key becomes one error naming the key (masked) and where it came from, instead of one
 * signature error per resource; an endpoint that does not answer as STS is named as such.
 */
public final class CallerCheck {
    /**
     * Codes with which Alibaba Cloud's RPC APIs reject the caller's key itself (the common error codes of the POP
     * APIs; the Java SDK core turns a SignatureDoesNotMatch whose string to sign matches its own into
     * SDK.InvalidAccessKeySecret).
     */
    private static final Set<String> KEY_REJECTED = Set.of(
            "InvalidAccessKeyId",
            "InvalidAccessKeyId.NotFound",
            "InvalidAccessKeyId.Inactive",
            "SignatureDoesNotMatch",
            "IncompleteSignature",
            "SDK.InvalidAccessKeySecret",
            "InvalidSecurityToken.Expired",
            "InvalidSecurityToken.MismatchWithAccessKey",
            "InvalidSecurityToken.Malformed");

    private CallerCheck() {}

    /**
     * Who {@code target}'s credentials belong to; throws {@link CredentialsException} when the service rejects the key
     * or the endpoint does not answer GetCallerIdentity as STS does.
     */
    public static RamModel.CallerIdentity confirm(CloudTarget target, IdentityGateway identity) {
        Credentials credentials = target.credentials().resolve();
        String key = "the AccessKey " + Secrets.maskAccessKeyId(credentials.accessKeyId()) + " from "
                + target.credentials().describe();
        String where = target.popEndpoint(PopProduct.STS).toString();
        try {
            return identity.callerIdentity();
        } catch (CloudException e) {
            if (e.code().filter(KEY_REJECTED::contains).isPresent()) {
                throw new CredentialsException(
                        key + " was rejected by " + where + " (" + e.getMessage() + "); nothing was read", e);
            }
            throw new CredentialsException(
                    "cannot confirm who " + key + " belongs to: " + e.getMessage() + "; is " + where
                            + " an Alibaba Cloud STS endpoint (or an ossops emulator)? Nothing was read",
                    e);
        }
    }
}
