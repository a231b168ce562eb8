package dev.ossops.cloud.upload;

import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.upload.UploadException;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Temporary credentials for an uploader client: STS AssumeRole with a session policy, so the
 * token can do no more than the role and the policy both allow. STS takes AssumeRole only from
 * RAM users and roles; called with an account's root AccessKey it fails with a message that says
 * so and which key (masked) was used.
 */
public final class StsVending implements AutoCloseable {
    /** AssumeRole's DurationSeconds range. */
    public static final long MIN_DURATION = 900;

    public static final long MAX_DURATION = 43_200;
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::\\d+:role/[^/]+");
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9.-]{1,64}");

    private final PopClient sts;
    private final CloudTarget target;

    public StsVending(CloudTarget target) {
        this.sts = new PopClient(target, PopProduct.STS, Retry.standard());
        this.target = target;
    }

    /**
     * What AssumeRole returned. {@link #toString()} shows neither secret nor token.
     */
    public record Issued(
            String accessKeyId,
            String accessKeySecret,
            String securityToken,
            Instant expiration,
            String assumedRoleArn) {
        @Override
        public String toString() {
            return "Issued[" + Secrets.maskAccessKeyId(accessKeyId) + ", expires " + expiration + ", " + assumedRoleArn
                    + "]";
        }
    }

    /**
     * Assumes {@code role} (an ARN, or a role name in the caller's own account) for {@code durationSeconds}
     * with {@code sessionPolicy}.
     */
    public Issued assume(String role, String sessionName, String sessionPolicy, long durationSeconds) {
        if (durationSeconds < MIN_DURATION || durationSeconds > MAX_DURATION) {
            throw new UploadException("--duration must be between " + MIN_DURATION + " and " + MAX_DURATION
                    + " seconds, got " + durationSeconds);
        }
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setRoleArn(roleArn(role));
        request.setRoleSessionName(sessionName);
        request.setPolicy(sessionPolicy);
        request.setDurationSeconds(durationSeconds);
        AssumeRoleResponse response;
        try {
            response = sts.call("AssumeRole " + request.getRoleArn(), request);
        } catch (CloudException e) {
            if (e.code().filter("NoPermission"::equals).isPresent() && signedByAccountRoot()) {
                throw rootKeyRefused();
            }
            throw e;
        }
        AssumeRoleResponse.Credentials c = response.getCredentials();
        return new Issued(
                c.getAccessKeyId(),
                c.getAccessKeySecret(),
                c.getSecurityToken(),
                Instant.parse(c.getExpiration()),
                response.getAssumedRoleUser().getArn());
    }

    /** Whether the credentials in use are an account's own AccessKey, which STS refuses for AssumeRole. */
    private boolean signedByAccountRoot() {
        return "Account"
                .equals(sts.call("GetCallerIdentity", new GetCallerIdentityRequest())
                        .getIdentityType());
    }

    private UploadException rootKeyRefused() {
        String keyId = Secrets.maskAccessKeyId(target.credentials().resolve().accessKeyId());
        return new UploadException("STS refused AssumeRole: the credentials from "
                + target.credentials().describe() + " (" + keyId
                + ") are the account's root AccessKey, and STS issues role credentials only to RAM users and roles"
                + " (NoPermission: Roles may not be assumed by root accounts.). Use the AccessKey of a RAM user allowed"
                + " sts:AssumeRole on the role (for example with the AliyunSTSAssumeRoleAccess policy).");
    }

    private String roleArn(String role) {
        if (ROLE_ARN.matcher(role).matches()) {
            return role;
        }
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new UploadException(
                    "--role '" + role + "' is neither a role ARN (acs:ram::<account>:role/<name>) nor a role name");
        }
        String account =
                sts.call("GetCallerIdentity", new GetCallerIdentityRequest()).getAccountId();
        return "acs:ram::" + account + ":role/" + role.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        sts.shutdown();
    }
}
