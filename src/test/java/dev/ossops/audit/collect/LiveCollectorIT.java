package dev.ossops.audit.collect;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.PutPublicAccessBlockRequest;
import com.aliyuncs.cdn.model.v20180510.AddCdnDomainRequest;
import com.aliyuncs.cdn.model.v20180510.BatchSetCdnDomainConfigRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import dev.ossops.audit.AuditOutcome;
import dev.ossops.audit.AuditReport;
import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.Auditor;
import dev.ossops.audit.FailOn;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.audit.Suppressions;
import dev.ossops.audit.checks.Checks;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.cloud.ram.IdentityGateway;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.RpcFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The collector over the real gateways: OSS from the emulator, RAM, STS and CDN from the RPC emulator on its own test
 * server (on this branch the emulator's OSS port does not serve RPC yet). RAM and CDN are seeded through the official
 * SDKs with the root key.
 */
@ExtendWith(EmulatorExtension.class)
class LiveCollectorIT {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final String FULL_ACCESS =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}]}";
    private static final String READ_ONE =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                    + "\"Resource\":[\"acs:oss:*:*:media/*\"]}]}";
    private static final String TRUST =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Principal\":{\"RAM\":[\"acs:ram::" + RpcFixture.ACCOUNT + ":root\"]}}]}";

    @TempDir
    Path dir;

    private RpcFixture rpc;
    private PopClient[] pop;
    private OssGateway oss;

    @BeforeEach
    void start(EmulatorClients clients) throws Exception {
        rpc = new RpcFixture(dir, MutableClock.system());
        pop = popClients(RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET);
        oss = new OssGateway(
                CloudTarget.single(clients.endpoint(), clients.region(), source(clients.keyId(), clients.secret())),
                Retry.standard(),
                8);
    }

    @AfterEach
    void stop() {
        oss.close();
        for (PopClient p : pop) {
            p.shutdown();
        }
        rpc.close();
    }

    /** RAM, STS and CDN clients signing with the given key. */
    private PopClient[] popClients(String id, String secret) {
        CloudTarget target =
                CloudTarget.single(URI.create("http://127.0.0.1:" + rpc.port()), "cn-hangzhou", source(id, secret));
        return new PopClient[] {
            new PopClient(target, PopProduct.RAM, Retry.standard()),
            new PopClient(target, PopProduct.STS, Retry.standard()),
            new PopClient(target, PopProduct.CDN, Retry.standard())
        };
    }

    private static CredentialSource source(String id, String secret) {
        return new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(id, secret);
            }

            @Override
            public String describe() {
                return "test key";
            }
        };
    }

    private LiveCollector collector() {
        return new LiveCollector(oss, new RamGateway(pop[0]), new CdnGateway(pop[2]), new IdentityGateway(pop[1]), 8);
    }

    private LiveCollector.Collected collect(List<String> buckets) throws InterruptedException {
        return collector()
                .collect(
                        new AuditScope(
                                "cn-hangzhou", Optional.of(buckets), 100, Optional.empty(), Optional.empty(), Map.of()),
                        RpcFixture.ROOT_ID);
    }

    private static List<String> findings(AuditReport report, String resourcePrefix) {
        return report.findings().stream()
                .filter(f -> f.resource().startsWith(resourcePrefix))
                .map(f -> f.severity().label() + " " + f.rule().id() + " " + f.resource())
                .toList();
    }

    private void seedRam() throws ClientException {
        CreatePolicyRequest full = new CreatePolicyRequest();
        full.setPolicyName("OssEverything");
        full.setPolicyDocument(FULL_ACCESS);
        rpc.call(full);
        CreatePolicyRequest narrow = new CreatePolicyRequest();
        narrow.setPolicyName("ReadMedia");
        narrow.setPolicyDocument(READ_ONE);
        rpc.call(narrow);
        CreateUserRequest user = new CreateUserRequest();
        user.setUserName("app");
        rpc.call(user);
        AttachPolicyToUserRequest toUser = new AttachPolicyToUserRequest();
        toUser.setUserName("app");
        toUser.setPolicyName("OssEverything");
        toUser.setPolicyType("Custom");
        rpc.call(toUser);
        CreateRoleRequest role = new CreateRoleRequest();
        role.setRoleName("reader");
        role.setAssumeRolePolicyDocument(TRUST);
        rpc.call(role);
        AttachPolicyToRoleRequest toRole = new AttachPolicyToRoleRequest();
        toRole.setRoleName("reader");
        toRole.setPolicyName("ReadMedia");
        toRole.setPolicyType("Custom");
        rpc.call(toRole);
        AttachPolicyToRoleRequest system = new AttachPolicyToRoleRequest();
        system.setRoleName("reader");
        system.setPolicyName("AliyunOSSReadOnlyAccess");
        system.setPolicyType("System");
        rpc.call(system);
    }

    private void addDomain(String name, String bucket, String functions) throws ClientException {
        AddCdnDomainRequest add = new AddCdnDomainRequest();
        add.setDomainName(name);
        add.setCdnType("web");
        add.setSources("[{\"content\":\"" + bucket
                + ".oss-cn-hangzhou.aliyuncs.com\",\"type\":\"oss\",\"port\":443,\"priority\":\"20\"}]");
        rpc.call(add);
        rpc.clock().advance(RpcFixture.CDN_PROPAGATION);
        if (!functions.isEmpty()) {
            BatchSetCdnDomainConfigRequest set = new BatchSetCdnDomainConfigRequest();
            set.setDomainNames(name);
            set.setFunctions(functions);
            rpc.call(set);
        }
    }

    @Test
    void collect_ramPoliciesAttachedToUserAndRole_exactFindings() throws Exception {
        seedRam();

        LiveCollector.Collected collected = collect(List.of());
        AuditReport report = new Auditor(Checks.all()).run(collected.snapshot(), Suppressions.none(), TODAY);

        RamState ram = collected.snapshot().ram().value().orElseThrow();
        assertEquals(
                List.of(
                        new RamState.Attachment(
                                RamState.PrincipalKind.USER, "app", "OssEverything", RamState.PolicyKind.CUSTOM),
                        new RamState.Attachment(
                                RamState.PrincipalKind.ROLE, "reader", "ReadMedia", RamState.PolicyKind.CUSTOM),
                        new RamState.Attachment(
                                RamState.PrincipalKind.ROLE,
                                "reader",
                                "AliyunOSSReadOnlyAccess",
                                RamState.PolicyKind.SYSTEM)),
                ram.attachments());
        assertEquals(
                Optional.of(FULL_ACCESS),
                ram.policy("OssEverything", RamState.PolicyKind.CUSTOM)
                        .orElseThrow()
                        .document()
                        .value());
        assertEquals(
                true,
                ram.policy("AliyunOSSReadOnlyAccess", RamState.PolicyKind.SYSTEM)
                        .orElseThrow()
                        .document()
                        .value()
                        .isPresent());
        assertEquals(RpcFixture.ACCOUNT, collected.snapshot().accountId());
        assertEquals(
                List.of(
                        "high RAM-POLICY-FULL-ACCESS ram:policy/OssEverything",
                        "low RAM-USER-DIRECT-POLICY ram:user/app",
                        "info RAM-ROOT-ACCESS-KEY ram:account/" + RpcFixture.ACCOUNT + "/accesskey/LTAI…abcd"),
                findings(report, "ram:"));
    }

    @Test
    void collect_callerIsTheAccount_itsKeyInUseIsReported() throws Exception {
        LiveCollector.Collected collected = collect(List.of());
        AuditReport report = new Auditor(Checks.all()).run(collected.snapshot(), Suppressions.none(), TODAY);

        // ListAccessKeys without UserName lists the account's own keys, so nothing is guessed and nothing warned.
        assertEquals(List.of(), collected.warnings());
        assertEquals(
                List.of("info RAM-ROOT-ACCESS-KEY ram:account/" + RpcFixture.ACCOUNT + "/accesskey/LTAI…abcd"),
                findings(report, "ram:account/"));
    }

    @Test
    void collect_callerIsARamUser_rootKeysUnreadableWithReason() throws Exception {
        CreateUserRequest user = new CreateUserRequest();
        user.setUserName("auditor");
        rpc.call(user);
        for (String policy : List.of("AliyunRAMFullAccess", "AliyunCDNFullAccess")) {
            AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
            attach.setUserName("auditor");
            attach.setPolicyName(policy);
            attach.setPolicyType("System");
            rpc.call(attach);
        }
        CreateAccessKeyRequest create = new CreateAccessKeyRequest();
        create.setUserName("auditor");
        CreateAccessKeyResponse.AccessKey key = rpc.call(create).getAccessKey();
        PopClient[] asUser = popClients(key.getAccessKeyId(), key.getAccessKeySecret());
        try {
            LiveCollector collector = new LiveCollector(
                    oss, new RamGateway(asUser[0]), new CdnGateway(asUser[2]), new IdentityGateway(asUser[1]), 8);
            LiveCollector.Collected collected = collector.collect(
                    new AuditScope(
                            "cn-hangzhou", Optional.of(List.of()), 0, Optional.empty(), Optional.empty(), Map.of()),
                    key.getAccessKeyId());

            RamState ram = collected.snapshot().ram().value().orElseThrow();
            assertEquals(
                    Optional.of(
                            "the credentials are a RAMUser, not the account; only the account can list its own AccessKeys"),
                    ram.rootAccessKeys().unreadableReason());
            assertEquals(List.of(), collected.warnings());
            assertEquals(RpcFixture.ACCOUNT, collected.snapshot().accountId());
        } finally {
            for (PopClient p : asUser) {
                p.shutdown();
            }
        }
    }

    @Test
    void collect_cdnDomains_originAndAccessControlJudged(OSS ossClient) throws Exception {
        ossClient.createBucket("lc-cdn-public");
        ossClient.setBucketAcl("lc-cdn-public", CannedAccessControlList.PublicRead);
        ossClient.createBucket("lc-cdn-private");
        String privateAuth =
                "{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"on\"}]}";
        addDomain("public.example.com", "lc-cdn-public", "");
        addDomain("open.example.com", "lc-cdn-private", "[" + privateAuth + "]");
        addDomain(
                "guarded.example.com",
                "lc-cdn-private",
                "[" + privateAuth + ",{\"functionName\":\"referer_white_list_set\","
                        + "\"functionArgs\":[{\"argName\":\"refer_domain_allow_list\",\"argValue\":\"app.example.com\"}]}]");

        LiveCollector.Collected collected = collect(List.of("lc-cdn-public", "lc-cdn-private"));
        AuditReport report = new Auditor(Checks.all()).run(collected.snapshot(), Suppressions.none(), TODAY);

        assertEquals(
                List.of(
                        "medium CDN-ORIGIN-BUCKET-PUBLIC cdn:domain/public.example.com",
                        "low CDN-PRIVATE-ORIGIN-NO-ACCESS-CONTROL cdn:domain/open.example.com"),
                findings(report, "cdn:"));
    }

    @Test
    void collect_accountBlockPublicAccess_readAndNeutralisesPublicBuckets(OSS ossClient) throws Exception {
        ossClient.createBucket("lc-account-acl");
        ossClient.setBucketAcl("lc-account-acl", CannedAccessControlList.PublicRead);
        ossClient.createBucket("lc-account-policy");
        ossClient.setBucketPolicy(
                "lc-account-policy",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"oss:GetObject\"],\"Principal\":[\"*\"],\"Resource\":[\"acs:oss:*:*:lc-account-policy/*\"]}]}");
        List<String> buckets = List.of("lc-account-acl", "lc-account-policy");

        AuditSnapshot off = collect(buckets).snapshot();
        assertEquals(Observed.found(false), off.accountBlockPublicAccess());
        AuditReport exposed = new Auditor(Checks.all()).run(off, Suppressions.none(), TODAY);
        assertEquals(
                List.of("high OSS-BUCKET-ACL-PUBLIC-READ acs:oss:*:*:lc-account-acl"),
                publicFindings(exposed, "acs:oss:*:*:lc-account-acl"));
        assertEquals(
                List.of("high OSS-BUCKET-POLICY-PUBLIC-READ acs:oss:*:*:lc-account-policy"),
                publicFindings(exposed, "acs:oss:*:*:lc-account-policy"));

        ossClient.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        try {
            AuditSnapshot on = collect(buckets).snapshot();
            assertEquals(Observed.found(true), on.accountBlockPublicAccess());
            // The buckets' own switches stay off: the account's setting alone neutralises their public grants.
            assertEquals(Observed.found(false), on.buckets().get(0).blockPublicAccess());
            AuditReport blocked = new Auditor(Checks.all()).run(on, Suppressions.none(), TODAY);
            assertEquals(List.of(), blocked.unknowns());
            assertEquals(
                    List.of("info OSS-BUCKET-PUBLIC-ACCESS-BLOCKED acs:oss:*:*:lc-account-acl"),
                    publicFindings(blocked, "acs:oss:*:*:lc-account-acl"));
            assertEquals(
                    List.of("info OSS-BUCKET-PUBLIC-ACCESS-BLOCKED acs:oss:*:*:lc-account-policy"),
                    publicFindings(blocked, "acs:oss:*:*:lc-account-policy"));
            assertEquals(
                    List.of(
                            "bucket lc-account-acl: ACL public-read neutralised by Block Public Access on the account",
                            "bucket lc-account-policy: bucket policy grants to anonymous callers (oss:GetObject) neutralised by "
                                    + "Block Public Access on the account"),
                    blocked.findings().stream()
                            .filter(f -> f.rule().id().equals("OSS-BUCKET-PUBLIC-ACCESS-BLOCKED"))
                            .map(Finding::message)
                            .toList());
        } finally {
            // The emulator is shared by this class's tests; the account setting would leak into them.
            ossClient.deletePublicAccessBlock();
        }
    }

    /** Findings of the public-exposure checks on one bucket. */
    private static List<String> publicFindings(AuditReport report, String resource) {
        return report.findings().stream()
                .filter(f -> f.resource().equals(resource))
                .filter(f -> f.rule().id().startsWith("OSS-BUCKET-ACL-")
                        || f.rule().id().startsWith("OSS-BUCKET-POLICY-PUBLIC")
                        || f.rule().id().equals("OSS-BUCKET-PUBLIC-ACCESS-BLOCKED"))
                .map(f -> f.severity().label() + " " + f.rule().id() + " " + f.resource())
                .toList();
    }

    @Test
    void collect_hardenedAccountPart_passesWithOnlyInfo(OSS ossClient) throws Exception {
        // No bucket named, no RAM entities, no CDN domains: only the account's key in use, which is info.
        LiveCollector.Collected collected = collector()
                .collect(
                        new AuditScope(
                                "cn-hangzhou", Optional.of(List.of()), 0, Optional.empty(), Optional.empty(), Map.of()),
                        RpcFixture.ROOT_ID);
        AuditReport report = new Auditor(Checks.all()).run(collected.snapshot(), Suppressions.none(), TODAY);

        assertEquals(List.of(), report.unknowns());
        assertEquals(
                List.of("RAM-ROOT-ACCESS-KEY"),
                report.findings().stream().map(Finding::rule).map(r -> r.id()).toList());
        assertEquals(AuditOutcome.PASSED, report.outcome(FailOn.LOW));
    }
}
