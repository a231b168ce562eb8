package dev.ossops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.upload.StsVending;
import dev.ossops.upload.SessionPolicies;
import dev.ossops.upload.UploaderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ossops sts-token}: temporary credentials confined to a prefix of the uploader bucket,
 * for handing to a browser or another service. The secret and token appear only in this output.
 */
@Command(
        name = "sts-token",
        mixinStandardHelpOptions = true,
        description =
                "AssumeRole with a session policy limited to the prefix; print the temporary credentials as JSON.")
final class StsTokenCommand extends BaseCommand {
    @Mixin
    SessionOptions session;

    @Option(
            names = "--role",
            required = true,
            paramLabel = "ROLE",
            description = "Role ARN, or a role name in the caller's account.")
    String role;

    @Option(
            names = "--prefix",
            required = true,
            paramLabel = "PREFIX",
            description = "Key prefix the credentials may write under.")
    String prefix;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            defaultValue = "900",
            description = "Lifetime, 900 to 43200 (default: ${DEFAULT-VALUE}).")
    long duration;

    @Option(
            names = "--actions",
            // One label, not ACTION[,ACTION...], which usage help would split across lines at the comma.
            paramLabel = "ACTIONS",
            hideParamSyntax = true,
            split = ",",
            description = "Object actions to allow, comma-separated (default: PutObject).")
    List<String> actions = new ArrayList<>();

    @Option(
            names = "--session-name",
            paramLabel = "NAME",
            defaultValue = "ossops-uploader",
            description = "RoleSessionName (default: ${DEFAULT-VALUE}).")
    String sessionName;

    @Override
    public Integer call() throws Exception {
        try (UploaderSession s = session.open(env().variables())) {
            UploaderSettings settings = s.settings();
            String policy = SessionPolicies.forPrefix(settings.bucket(), prefix, actions);
            StsVending.Issued issued;
            try (StsVending sts = new StsVending(s.target())) {
                issued = sts.assume(role, sessionName, policy, duration);
            }
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode result = mapper.createObjectNode();
            result.put("AccessKeyId", issued.accessKeyId());
            result.put("AccessKeySecret", issued.accessKeySecret());
            result.put("SecurityToken", issued.securityToken());
            result.put("Expiration", issued.expiration().toString());
            result.put("AssumedRoleArn", issued.assumedRoleArn());
            result.put("bucket", settings.bucket());
            result.put("region", settings.region());
            result.put("prefix", prefix);
            result.set("policy", mapper.readTree(policy));
            PrintWriter out = out();
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
