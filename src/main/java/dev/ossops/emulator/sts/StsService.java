package dev.ossops.emulator.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.ram.RamAccounts;
import dev.ossops.emulator.ram.RamRole;
import dev.ossops.emulator.rpc.Ids;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RpcApi;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcService;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS API version 2015-04-01: AssumeRole and GetCallerIdentity. The role may live in another
 * account served by the emulator; its trust policy then decides (e.g. {@code acs:ram::<uid>:root}
 * trusts every RAM user of account uid that is itself allowed sts:AssumeRole), as RAM documents
 * for cross-account roles.
 */
public final class StsService implements RpcService {
    static final RpcApi API = new RpcApi("Sts", "2015-04-01", "sts", "sts.aliyuncs.com");
    static final int MIN_DURATION = 900;
    static final int DEFAULT_DURATION = 3600;
    static final int MAX_SESSION_POLICY_BYTES = 2048;
    private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::(\\d+):role/(.+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w.@-]{2,64}");

    private final RamAccounts ram;
    private final StsSessions sessions;
    private final TrustPolicy trust;
    private final Ids ids = new Ids();
    private final ObjectMapper mapper = new ObjectMapper();

    public StsService(RamAccounts ram, StsSessions sessions, TrustPolicy trust) {
        this.ram = ram;
        this.sessions = sessions;
        this.trust = trust;
    }

    @Override
    public RpcApi api() {
        return API;
    }

    @Override
    public Set<String> actions() {
        return Set.of("AssumeRole", "GetCallerIdentity");
    }

    @Override
    public ObjectNode invoke(RpcCall call) {
        return "AssumeRole".equals(call.action()) ? assumeRole(call) : callerIdentity(call);
    }

    private ObjectNode assumeRole(RpcCall call) {
        // The AssumeRole reference: "You cannot use an Alibaba Cloud account to call this operation."
        if (call.caller().principal() instanceof Principal.Root) {
            throw StsErrors.rootAccount();
        }
        Params p = call.params();
        Matcher arn = ROLE_ARN.matcher(p.required("RoleArn"));
        String sessionName = p.required("RoleSessionName");
        if (!arn.matches()) {
            throw StsErrors.roleArn();
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw StsErrors.sessionName();
        }
        Optional<String> sessionPolicy = p.optional("Policy");
        sessionPolicy.ifPresent(this::checkSessionPolicy);
        String roleAccount = arn.group(1);
        RamRole role = ram.of(roleAccount)
                .flatMap(account -> account.role(arn.group(2)))
                .orElseThrow(StsErrors::roleNotFound);
        int duration = p.integer("DurationSeconds").orElse(DEFAULT_DURATION);
        if (duration < MIN_DURATION || duration > role.maxSessionDuration()) {
            throw StsErrors.duration();
        }
        if (!trust.trusts(role.assumeRolePolicyDocument(), call.caller().principal(), arn.group(0))) {
            throw StsErrors.notTrusted();
        }
        Instant expiration = call.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        StsSession session = new StsSession(
                "STS." + ids.alphanumeric(28),
                ids.alphanumeric(44),
                securityToken(),
                DateTimeFormatter.ISO_INSTANT.format(expiration),
                role.roleName(),
                role.roleId(),
                sessionName,
                sessionPolicy.orElse(null),
                roleAccount);
        sessions.add(session);
        Principal.AssumedRole assumed =
                new Principal.AssumedRole(roleAccount, role.roleName(), role.roleId(), sessionName, sessionPolicy);

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode user = out.putObject("AssumedRoleUser");
        user.put("AssumedRoleId", assumed.assumedRoleId());
        user.put("Arn", assumed.arn());
        ObjectNode credentials = out.putObject("Credentials");
        credentials.put("SecurityToken", session.securityToken());
        credentials.put("AccessKeyId", session.accessKeyId());
        credentials.put("AccessKeySecret", session.secret());
        credentials.put("Expiration", session.expiration());
        return out;
    }

    private void checkSessionPolicy(String policy) {
        if (policy.getBytes(StandardCharsets.UTF_8).length > MAX_SESSION_POLICY_BYTES) {
            throw StsErrors.policyLength();
        }
        JsonNode root;
        try {
            root = mapper.readTree(policy);
        } catch (JsonProcessingException e) {
            throw StsErrors.policyGrammar();
        }
        if (root == null || !root.isObject() || !root.path("Statement").isArray()) {
            throw StsErrors.policyGrammar();
        }
        try {
            // The one grammar ossops shares (dev.ossops.shared.PolicyGrammar): what the evaluator reads later.
            PolicyParser.parse(root, PolicyType.SESSION);
        } catch (PolicyParseException e) {
            throw StsErrors.policyGrammar();
        }
    }

    /** Opaque like the real token ("CAIS" + base64); only ever compared, never parsed. */
    private String securityToken() {
        return "CAIS" + Base64.getEncoder().encodeToString(ids.alphanumeric(180).getBytes(StandardCharsets.US_ASCII));
    }

    private ObjectNode callerIdentity(RpcCall call) {
        Principal principal = call.caller().principal();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("AccountId", principal.accountId());
        out.put("Arn", principal.arn());
        out.put("IdentityType", principal.identityType());
        out.put("UserId", principal.principalId());
        out.put("PrincipalId", principal.principalId());
        if (principal instanceof Principal.AssumedRole session) {
            out.put("RoleId", session.roleId());
        }
        return out;
    }
}
