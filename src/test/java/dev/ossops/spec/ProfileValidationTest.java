package dev.ossops.spec;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One bad input per validation rule, each asserting the exact lines {@code ossops validate} prints. Every profile
 * starts with the same four lines, so the case's own text begins on line 5.
 */
class ProfileValidationTest {

    private static final String HEADER = "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-hangzhou\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void load_badInput_reportsExactProblems(
            String name, String profile, Map<String, String> files, List<String> expected) throws IOException {
        Files.writeString(dir.resolve("profile.yaml"), profile);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }

        ProfileLoader.Result result = new ProfileLoader().load(dir.resolve("profile.yaml"));

        List<String> actual = result.problems().stream()
                .map(p -> p.format().replace(dir + "/", ""))
                .toList();
        assertEquals(expected, actual);
        boolean hasError = expected.stream().anyMatch(line -> line.contains(": error: "));
        assertEquals(!hasError, result.valid());
        assertEquals(!hasError, result.profile().isPresent());
    }

    private static Arguments bad(String name, String body, List<String> expected) {
        return Arguments.of(name, HEADER + body, Map.of(), expected);
    }

    private static Arguments bad(String name, String body, Map<String, String> files, List<String> expected) {
        return Arguments.of(name, HEADER + body, files, expected);
    }

    private static Arguments raw(String name, String profile, List<String> expected) {
        return Arguments.of(name, profile, Map.of(), expected);
    }

    private static final String LIFECYCLE_BUCKET = "buckets:\n  my-bucket:\n    lifecycle:\n      - a.json\n";
    private static final String ABORT =
            "{\"ID\": \"abort\", \"Status\": \"Enabled\", \"AbortMultipartUpload\": {\"Days\": 1}}";

    /** A lifecycle document whose rules start on line 2. */
    private static String rules(String rules) {
        return "{\"Rules\": [\n" + rules + "\n]}";
    }

    private static String manyRules(String idPrefix, int count) {
        StringBuilder text = new StringBuilder("{\"Rules\": [\n");
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ",\n")
                    .append("{\"ID\": \"")
                    .append(idPrefix)
                    .append(i)
                    .append("\", \"Status\": \"Enabled\", \"AbortMultipartUpload\": {\"Days\": 1}}");
        }
        return text.append("\n]}").toString();
    }

    private static final String REPLICATION = "buckets:\n  my-bucket:\n    replication:\n"
            + "      r1: {destination: {bucket: dr-bucket, region: cn-shanghai}, ";
    private static final String TRUST = "{Version: '1', Statement: [{Effect: Allow, Action: sts:AssumeRole, "
            + "Principal: {Service: ecs.aliyuncs.com}}]}";
    private static final String CDN =
            "cdn:\n  domains:\n    media.example.com:\n      type: web\n      origin: {ip: 203.0.113.10}\n";
    private static final String UPLOADER = "buckets:\n  my-bucket: {}\nuploader: {bucket: my-bucket, ";

    private static String tags(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : ", ").append("k").append(i).append(": v");
        }
        return text.toString();
    }

    static Stream<Arguments> cases() {
        return Stream.of(CASES);
    }

    private static final Arguments[] CASES = {
        raw(
                "malformed YAML",
                "apiVersion: ossops/v1\nkind: [Profile\nname: x\n",
                List.of(
                        "profile.yaml:3:5: error: (root): malformed YAML: while parsing a flow sequence; expected ',' or ']', but got :")),
        bad(
                "malformed JSON in a referenced file",
                "buckets:\n  my-bucket:\n    cors: cors.json\n",
                Map.of("cors.json", "{\"CORSRules\": [\n  {\"AllowedOrigin\": \"*\",}\n]}"),
                List.of(
                        "cors.json:2:25: error: (root): malformed JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name")),
        raw("empty document", "", List.of("profile.yaml:1:1: error: (root): the document is empty")),
        raw("profile is not a map", "- a\n", List.of("profile.yaml:1:1: error: (root): expected a map, got a list")),
        bad(
                "wrong type",
                "credentials: [env]\n",
                List.of("profile.yaml:5:14: error: credentials: expected a map, got a list")),
        bad(
                "unknown key with suggestion",
                "bukets: {}\n",
                List.of("profile.yaml:5:1: error: bukets: unknown key 'bukets'; did you mean 'buckets'?")),
        bad(
                "unknown key without suggestion",
                "buckets:\n  my-bucket:\n    colour: blue\n",
                List.of(
                        "profile.yaml:7:5: error: buckets.my-bucket.colour: unknown key 'colour'; accepted keys: region, storageClass, "
                                + "redundancy, acl, allowPublicWrite, versioning, encryption, blockPublicAccess, cors, lifecycle, policy, "
                                + "tags, logging, referer, replication")),
        raw(
                "missing required key",
                "apiVersion: ossops/v1\nname: x\nregion: cn-hangzhou\n",
                List.of("profile.yaml:1:1: error: (root): missing required key 'kind' (a string)")),
        bad(
                "duplicate key",
                "name: again\n",
                List.of(
                        "profile.yaml:5:1: error: name: duplicate key 'name' (first defined at line 3); keys must be unique")),
        raw(
                "apiVersion",
                "apiVersion: ossops/v2\nkind: Profile\nname: x\nregion: cn-hangzhou\n",
                List.of(
                        "profile.yaml:1:13: error: apiVersion: 'ossops/v2' is not a valid apiVersion (did you mean 'ossops/v1'?); accepted: ossops/v1")),
        bad(
                "referenced file missing",
                "buckets:\n  my-bucket:\n    policy: policies/nope.json\n",
                List.of(
                        "profile.yaml:7:13: error: buckets.my-bucket.policy: file 'policies/nope.json' not found (looked for policies/nope.json)")),
        bad(
                "bucket name with uppercase",
                "buckets:\n  My-Bucket: {}\n",
                List.of(
                        "profile.yaml:6:3: error: buckets.My-Bucket: 'My-Bucket' is not a valid bucket name; use 3-63 lowercase letters, "
                                + "digits and hyphens, starting and ending with a letter or digit")),
        bad(
                "bucket name too short",
                "buckets:\n  ab: {}\n",
                List.of(
                        "profile.yaml:6:3: error: buckets.ab: 'ab' is not a valid bucket name; use 3-63 lowercase letters, "
                                + "digits and hyphens, starting and ending with a letter or digit")),
        bad(
                "bucket name ending in a hyphen",
                "buckets:\n  bucket-: {}\n",
                List.of(
                        "profile.yaml:6:3: error: buckets.bucket-: 'bucket-' is not a valid bucket name; use 3-63 lowercase letters, "
                                + "digits and hyphens, starting and ending with a letter or digit")),
        raw(
                "unknown region",
                "apiVersion: ossops/v1\nkind: Profile\nname: x\nregion: cn-hangzou\n",
                List.of(
                        "profile.yaml:4:9: error: region: 'cn-hangzou' is not a valid region id (did you mean 'cn-hangzhou'?); accepted: "
                                + "cn-hangzhou, cn-shanghai, cn-nanjing, cn-fuzhou, cn-wuhan-lr, cn-qingdao, cn-beijing, cn-zhangjiakou, "
                                + "cn-huhehaote, cn-wulanchabu, cn-shenzhen, cn-heyuan, ... (35 in all, listed by 'ossops schema')")),
        bad(
                "bucket region",
                "buckets:\n  my-bucket: {region: mars-1}\n",
                List.of(
                        "profile.yaml:6:23: error: buckets.my-bucket.region: 'mars-1' is not a valid region id; accepted: "
                                + "cn-hangzhou, cn-shanghai, cn-nanjing, cn-fuzhou, cn-wuhan-lr, cn-qingdao, cn-beijing, cn-zhangjiakou, "
                                + "cn-huhehaote, cn-wulanchabu, cn-shenzhen, cn-heyuan, ... (35 in all, listed by 'ossops schema')")),
        bad(
                "acl",
                "buckets:\n  my-bucket: {acl: privat}\n",
                List.of(
                        "profile.yaml:6:20: error: buckets.my-bucket.acl: 'privat' is not a valid ACL (did you mean 'private'?); "
                                + "accepted: private, public-read, public-read-write")),
        bad(
                "versioning",
                "buckets:\n  my-bucket: {versioning: On}\n",
                List.of(
                        "profile.yaml:6:27: error: buckets.my-bucket.versioning: expected a string, got a boolean (YAML reads unquoted "
                                + "yes/no/on/off as booleans: quote the value)")),
        bad(
                "versioning value",
                "buckets:\n  my-bucket: {versioning: Enable}\n",
                List.of(
                        "profile.yaml:6:27: error: buckets.my-bucket.versioning: 'Enable' is not a valid versioning status (did you mean "
                                + "'Enabled'?); accepted: Enabled, Suspended")),
        bad(
                "storage class",
                "buckets:\n  my-bucket: {storageClass: Archve}\n",
                List.of(
                        "profile.yaml:6:29: error: buckets.my-bucket.storageClass: 'Archve' is not a valid storage class (did you mean 'Archive'?); "
                                + "accepted: Standard, IA, Archive, ColdArchive, DeepColdArchive")),
        bad(
                "redundancy",
                "buckets:\n  my-bucket: {redundancy: GRS}\n",
                List.of(
                        "profile.yaml:6:27: error: buckets.my-bucket.redundancy: 'GRS' is not a valid redundancy type (did you mean 'LRS'?); "
                                + "accepted: LRS, ZRS")),
        bad(
                "encryption algorithm",
                "buckets:\n  my-bucket:\n    encryption: {algorithm: AES128}\n",
                List.of(
                        "profile.yaml:7:29: error: buckets.my-bucket.encryption.algorithm: 'AES128' is not a valid encryption algorithm; "
                                + "accepted: AES256, KMS, SM4")),
        bad(
                "KMS key id without KMS",
                "buckets:\n  my-bucket:\n    encryption: {algorithm: SM4, kmsKeyId: abc}\n",
                List.of(
                        "profile.yaml:7:44: error: buckets.my-bucket.encryption.kmsKeyId: kmsKeyId is only allowed with algorithm KMS")),
        bad(
                "public-read-write without a reason",
                "buckets:\n  my-bucket:\n    acl: public-read-write\n",
                List.of(
                        "profile.yaml:7:10: error: buckets.my-bucket.acl: public-read-write lets anyone on the internet write to this "
                                + "bucket; add allowPublicWrite: {reason: \"...\"} to confirm")),
        bad(
                "allowPublicWrite without its reason",
                "buckets:\n  my-bucket:\n    acl: public-read-write\n    allowPublicWrite: {}\n",
                List.of(
                        "profile.yaml:8:23: error: buckets.my-bucket.allowPublicWrite: missing required key 'reason' (a string)")),
        bad(
                "lifecycle rule IDs unique across files",
                LIFECYCLE_BUCKET + "      - b.json\n",
                Map.of(
                        "a.json",
                                rules(
                                        "{\"ID\": \"r1\", \"Status\": \"Enabled\", \"AbortMultipartUpload\": {\"Days\": 1}}"),
                        "b.json", rules("{\"ID\": \"r1\", \"Status\": \"Enabled\", \"Expiration\": {\"Days\": 5}}")),
                List.of(
                        "b.json:2:8: error: Rules[0].ID: duplicate rule ID 'r1' (also used at a.json:2:8); rule IDs must be unique within a bucket")),
        bad(
                "lifecycle status",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules("{\"ID\": \"r1\", \"Status\": \"enabled\", \"AbortMultipartUpload\": {\"Days\": 1}}")),
                List.of(
                        "a.json:2:24: error: Rules[0].Status: 'enabled' is not a valid rule status (did you mean 'Enabled'?); accepted: Enabled, Disabled",
                        "profile.yaml:8:7: warning: buckets.my-bucket.lifecycle: no enabled rule aborts incomplete multipart uploads; "
                                + "their parts are billed until removed (add an AbortMultipartUpload rule)")),
        bad(
                "lifecycle days at least 1",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules("{\"ID\": \"r1\", \"Status\": \"Enabled\", \"AbortMultipartUpload\": {\"Days\": 0}}")),
                List.of("a.json:2:68: error: Rules[0].AbortMultipartUpload.Days: must be at least 1, got 0")),
        bad(
                "lifecycle unknown key",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(
                                "{\"ID\": \"r1\", \"Status\": \"Enabled\", \"AbortMultipartUpload\": {\"Days\": 1}, \"Transiton\": []}")),
                List.of(
                        "a.json:2:72: error: Rules[0].Transiton: unknown key 'Transiton'; did you mean 'Transitions'?")),
        bad(
                "lifecycle transitions get colder",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(
                                ABORT + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Transitions\": [\n"
                                        + "  {\"Days\": 60, \"StorageClass\": \"Archive\"},\n  {\"Days\": 400, \"StorageClass\": \"IA\"}]}")),
                List.of(
                        "a.json:4:33: error: Rules[1].Transitions[1].StorageClass: a transition to IA cannot follow one to Archive; "
                                + "classes only get colder: Standard -> IA -> Archive -> ColdArchive -> DeepColdArchive")),
        bad(
                "lifecycle transition days increase",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(
                                ABORT + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Transitions\": [\n"
                                        + "  {\"Days\": 90, \"StorageClass\": \"IA\"},\n  {\"Days\": 90, \"StorageClass\": \"Archive\"}]}")),
                List.of(
                        "a.json:4:12: error: Rules[1].Transitions[1].Days: must be greater than the previous transition's 90 days, got 90")),
        bad(
                "lifecycle expiration after the last transition",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(ABORT + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Transitions\": [\n"
                                + "  {\"Days\": 90, \"StorageClass\": \"IA\"}],\n  \"Expiration\": {\"Days\": 60}}")),
                List.of(
                        "a.json:4:26: error: Rules[1].Expiration.Days: must be later than the last transition (90 days), got 60")),
        bad(
                "lifecycle expiration needs exactly one field",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(
                                ABORT
                                        + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Expiration\": {\"Days\": 6, \"Date\": \"2026-01-01\"}}")),
                List.of(
                        "a.json:2:124: error: Rules[1].Expiration: set exactly one of Days, CreatedBeforeDate, Date or ExpiredObjectDeleteMarker; found 2")),
        bad(
                "lifecycle rule without an action",
                LIFECYCLE_BUCKET,
                Map.of("a.json", rules(ABORT + ", {\"ID\": \"r2\", \"Status\": \"Enabled\"}")),
                List.of(
                        "a.json:2:76: error: Rules[1]: a rule needs at least one action: Expiration, Transitions, AbortMultipartUpload, "
                                + "NoncurrentVersionExpiration or NoncurrentVersionTransitions")),
        bad(
                "lifecycle at most 1000 rules per bucket",
                LIFECYCLE_BUCKET + "      - b.json\n",
                Map.of("a.json", manyRules("a", 600), "b.json", manyRules("b", 401)),
                List.of(
                        "profile.yaml:8:7: error: buckets.my-bucket.lifecycle: a bucket has at most 1000 lifecycle rules, these documents hold 1001")),
        bad(
                "lifecycle in YAML",
                "buckets:\n  my-bucket:\n    lifecycle: a.yaml\n",
                Map.of("a.yaml", "Rules:\n  - ID: r1\n    Status: Enabled\n    AbortMultipartUpload: {Days: -3}\n"),
                List.of("a.yaml:4:34: error: Rules[0].AbortMultipartUpload.Days: must be at least 1, got -3")),
        bad(
                "CORS method",
                "buckets:\n  my-bucket:\n    cors: c.json\n",
                Map.of(
                        "c.json",
                        "{\"CORSRules\": [{\"AllowedOrigin\": \"*\", \"AllowedMethod\": [\"GET\", \"PATCH\"]}]}"),
                List.of("c.json:1:64: error: CORSRules[0].AllowedMethod[1]: 'PATCH' is not a valid CORS method; "
                        + "accepted: GET, PUT, POST, DELETE, HEAD")),
        bad(
                "CORS at most 10 rules",
                "buckets:\n  my-bucket:\n    cors: c.json\n",
                Map.of(
                        "c.json",
                        "{\"CORSRules\": ["
                                + String.join(
                                        ", ",
                                        java.util.Collections.nCopies(
                                                11, "{\"AllowedOrigin\": \"*\", \"AllowedMethod\": \"GET\"}"))
                                + "]}"),
                List.of("c.json:1:15: error: CORSRules: at most 10 items are allowed, got 11")),
        bad(
                "CORS MaxAgeSeconds",
                "buckets:\n  my-bucket:\n    cors: {CORSRules: [{AllowedOrigin: '*', AllowedMethod: GET, MaxAgeSeconds: -1}]}\n",
                List.of(
                        "profile.yaml:7:80: error: buckets.my-bucket.cors.CORSRules[0].MaxAgeSeconds: must be at least 0, got -1")),
        bad(
                "CORS ExposeHeader type",
                "buckets:\n  my-bucket:\n    cors: {CORSRules: [{AllowedOrigin: '*', AllowedMethod: GET, ExposeHeader: {a: b}}]}\n",
                List.of(
                        "profile.yaml:7:79: error: buckets.my-bucket.cors.CORSRules[0].ExposeHeader: expected a string or a list "
                                + "of strings, got a map")),
        bad(
                "CORS missing AllowedMethod",
                "buckets:\n  my-bucket:\n    cors: {CORSRules: [{AllowedOrigin: '*'}]}\n",
                List.of(
                        "profile.yaml:7:24: error: buckets.my-bucket.cors.CORSRules[0]: missing required key 'AllowedMethod' "
                                + "(a string or a list of strings)")),
        bad(
                "policy version",
                "buckets:\n  my-bucket:\n    policy: p.json\n",
                Map.of(
                        "p.json",
                        "{\"Version\": \"2\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"oss:GetObject\", "
                                + "\"Resource\": \"acs:oss:*:*:my-bucket/*\"}]}"),
                List.of(
                        "p.json:1:13: error: Version: '2' is not a valid policy version (did you mean '1'?); accepted: 1")),
        bad(
                "policy effect",
                "buckets:\n  my-bucket:\n    policy: p.json\n",
                Map.of(
                        "p.json",
                        "{\"Version\": \"1\", \"Statement\": {\"Effect\": \"Permit\", \"Principal\": \"*\", \"Action\": \"oss:GetObject\", "
                                + "\"Resource\": \"acs:oss:*:*:my-bucket/*\"}}"),
                List.of("p.json:1:42: error: Statement.Effect: 'Permit' is not a valid effect; accepted: Allow, Deny")),
        bad(
                "policy needs Action or NotAction",
                "buckets:\n  my-bucket:\n    policy: p.json\n",
                Map.of(
                        "p.json",
                        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"oss:GetObject\", "
                                + "\"NotAction\": \"oss:PutObject\", \"Resource\": \"acs:oss:*:*:my-bucket/*\"}]}"),
                List.of("p.json:1:32: error: Statement[0]: set exactly one of Action or NotAction")),
        bad(
                "policy ARN",
                "buckets:\n  my-bucket:\n    policy: p.json\n",
                Map.of(
                        "p.json",
                        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"oss:GetObject\", "
                                + "\"Resource\": \"arn:aws:s3:::my-bucket\"}]}"),
                List.of(
                        "p.json:1:109: error: Statement[0].Resource: 'arn:aws:s3:::my-bucket' is not a valid resource ARN; use "
                                + "acs:<service>:<region>:<account>:<resource> (each part may use * wildcards) or *")),
        bad(
                "policy action syntax",
                "ram:\n  policies:\n    P: {document: {Version: '1', Statement: [{Effect: Allow, Action: GetObject, Resource: '*'}]}}\n",
                List.of(
                        "profile.yaml:7:70: error: ram.policies.P.document.Statement[0].Action: 'GetObject' is not a valid action; "
                                + "use <service>:<Action> such as oss:GetObject (* wildcards allowed) or *")),
        bad(
                "bucket policy needs Principal",
                "buckets:\n  my-bucket:\n    policy: {Version: '1', Statement: [{Effect: Allow, Action: oss:GetObject, Resource: '*'}]}\n",
                List.of(
                        "profile.yaml:7:40: error: buckets.my-bucket.policy.Statement[0]: a bucket policy statement needs Principal: "
                                + "the account ids, RAM users or roles it applies to (\"*\" for anyone)")),
        bad(
                "bucket policy SourceIp without SourceVpc",
                "buckets:\n  my-bucket:\n    policy: p.json\n",
                Map.of(
                        "p.json",
                        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"oss:GetObject\", "
                                + "\"Resource\": \"acs:oss:*:*:my-bucket/*\", \"Condition\": {\"IpAddress\": {\"acs:SourceIp\": \"10.0.0.0/8\"}}}]}"),
                List.of(
                        "p.json:1:180: error: Statement[0].Condition: OSS refuses a bucket policy that conditions on acs:SourceIp without "
                                + "acs:SourceVpc (error 0030-00000008); for public addresses add StringNotLike: {acs:SourceVpc: [\"vpc-*\"]}, "
                                + "for a VPC add StringEquals: {acs:SourceVpc: [\"vpc-...\"]}")),
        bad(
                "policy Sid is not in the RAM and OSS grammar",
                "ram:\n  policies:\n    P: {document: p.json}\n",
                Map.of(
                        "p.json",
                        "{\"Version\": \"1\", \"Statement\": [{\"Sid\": \"Read\", \"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", "
                                + "\"Resource\": \"*\"}]}"),
                List.of(
                        "p.json:1:33: error: Statement[0].Sid: Sid is not part of the RAM and OSS policy grammar (statements have no ids there): "
                                + "remove it")),
        bad(
                "policy condition shape",
                "ram:\n  policies:\n    P: {document: {Version: '1', Statement: [{Effect: Allow, Action: '*', Resource: '*', Condition: {Bool: [x]}}]}}\n",
                List.of(
                        "profile.yaml:7:108: error: ram.policies.P.document.Statement[0].Condition.Bool: expected a map, got a list")),
        bad(
                "trust policy needs Principal",
                "ram:\n  roles:\n    r1: {trust: t.json}\n",
                Map.of(
                        "t.json",
                        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\"}]}"),
                List.of(
                        "t.json:1:32: error: Statement[0]: a trust policy statement needs Principal with RAM, Service or Federated: who may assume the role")),
        bad(
                "trust policy needs sts:AssumeRole",
                "ram:\n  roles:\n    r1: {trust: t.json}\n",
                Map.of(
                        "t.json",
                        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", "
                                + "\"Principal\": {\"Service\": \"ecs.aliyuncs.com\"}}]}"),
                List.of(
                        "t.json:1:62: error: Statement[0].Action: a trust policy allows sts:AssumeRole (or sts:AssumeRoleWithSAML / sts:AssumeRoleWithOIDC)")),
        bad(
                "role needs trust",
                "ram:\n  roles:\n    r1: {policies: [AliyunOSSReadOnlyAccess]}\n",
                List.of(
                        "profile.yaml:7:9: error: ram.roles.r1: missing required key 'trust' (a path to a trust policy file or an inline trust policy document)")),
        bad(
                "replication action",
                REPLICATION + "action: 'PUT,GET'}\n",
                List.of(
                        "profile.yaml:8:75: error: buckets.my-bucket.replication.r1.action: 'PUT,GET' is not a valid replication action; "
                                + "accepted: ALL, or a comma-separated combination of PUT, DELETE and ABORT (e.g. PUT,DELETE)")),
        bad(
                "replication action ALL is alone",
                REPLICATION + "action: 'ALL,PUT'}\n",
                List.of(
                        "profile.yaml:8:75: error: buckets.my-bucket.replication.r1.action: 'ALL,PUT' is not a valid replication action; "
                                + "accepted: ALL, or a comma-separated combination of PUT, DELETE and ABORT (e.g. PUT,DELETE)")),
        bad(
                "replication destination region",
                "buckets:\n  my-bucket:\n    replication:\n      r1: {destination: {bucket: dr-bucket, region: shanghai}}\n",
                List.of(
                        "profile.yaml:8:53: error: buckets.my-bucket.replication.r1.destination.region: 'shanghai' is not a valid "
                                + "region id; accepted: cn-hangzhou, cn-shanghai, cn-nanjing, cn-fuzhou, cn-wuhan-lr, cn-qingdao, cn-beijing, "
                                + "cn-zhangjiakou, cn-huhehaote, cn-wulanchabu, cn-shenzhen, cn-heyuan, ... (35 in all, listed by 'ossops schema')")),
        bad(
                "replication destination bucket",
                "buckets:\n  my-bucket:\n    replication:\n      r1: {destination: {bucket: DR, region: cn-shanghai}}\n",
                List.of(
                        "profile.yaml:8:34: error: buckets.my-bucket.replication.r1.destination.bucket: 'DR' is not a valid bucket "
                                + "name; use 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit")),
        bad("valid replication rule (control)", REPLICATION + "prefixes: [a/], action: 'PUT,DELETE'}\n", List.of()),
        bad(
                "replication transferType",
                "buckets:\n  my-bucket:\n    replication:\n      r1: {destination: {bucket: dr-bucket, region: cn-shanghai, transferType: fast}}\n",
                List.of(
                        "profile.yaml:8:80: error: buckets.my-bucket.replication.r1.destination.transferType: 'fast' is not a "
                                + "valid transfer type; accepted: internal, oss_acc")),
        bad(
                "replication historicalObjectReplication",
                REPLICATION + "historicalObjectReplication: 'yes'}\n",
                List.of(
                        "profile.yaml:8:96: error: buckets.my-bucket.replication.r1.historicalObjectReplication: expected a boolean (true or false), got a string")),
        bad(
                "replication prefixes",
                REPLICATION + "prefixes: images/}\n",
                List.of(
                        "profile.yaml:8:77: error: buckets.my-bucket.replication.r1.prefixes: expected a list of strings, got a string")),
        bad(
                "replication syncRole",
                REPLICATION + "syncRole: 'role name'}\n",
                List.of(
                        "profile.yaml:8:77: error: buckets.my-bucket.replication.r1.syncRole: 'role name' is not a valid RAM role name; "
                                + "use 1-64 letters, digits, periods and hyphens")),
        bad(
                "at most 20 tags",
                "buckets:\n  my-bucket:\n    tags: {" + tags(21) + "}\n",
                List.of("profile.yaml:7:11: error: buckets.my-bucket.tags: at most 20 entries are allowed, got 21")),
        bad(
                "tag value length in bytes",
                "buckets:\n  my-bucket:\n    tags: {team: " + "\u00e9".repeat(65) + "}\n",
                List.of(
                        "profile.yaml:7:18: error: buckets.my-bucket.tags.team: a bucket tag value has at most 128 bytes (UTF-8), got 130")),
        bad(
                "tag key length",
                "buckets:\n  my-bucket:\n    tags: {" + "k".repeat(65) + ": v}\n",
                List.of("profile.yaml:7:12: error: buckets.my-bucket.tags." + "k".repeat(65)
                        + ": a bucket tag key has 1-64 bytes (UTF-8), got 65")),
        bad(
                "tag key empty",
                "buckets:\n  my-bucket:\n    tags: {'': v}\n",
                List.of(
                        "profile.yaml:7:12: error: buckets.my-bucket.tags[\"\"]: a bucket tag key has 1-64 bytes (UTF-8), got 0")),
        bad(
                "tag key reserved prefix",
                "buckets:\n  my-bucket:\n    tags: {ACS-owner: me}\n",
                List.of(
                        "profile.yaml:7:12: error: buckets.my-bucket.tags.ACS-owner: a bucket tag key must not start with 'acs' (in any "
                                + "case); OSS reserves http://, https://, aliyun and acs")),
        bad(
                "logging target outside the profile",
                "buckets:\n  my-bucket:\n    logging: {targetBucket: other-logs, prefix: access/}\n",
                List.of(
                        "profile.yaml:7:29: warning: buckets.my-bucket.logging.targetBucket: bucket 'other-logs' is not defined in this "
                                + "profile; it must already exist in the same region")),
        bad(
                "logging needs a target",
                "buckets:\n  my-bucket:\n    logging: {prefix: access/}\n",
                List.of(
                        "profile.yaml:7:14: error: buckets.my-bucket.logging: missing required key 'targetBucket' (a string)")),
        bad(
                "blockPublicAccess is a boolean",
                "buckets:\n  my-bucket: {blockPublicAccess: 'true'}\n",
                List.of(
                        "profile.yaml:6:34: error: buckets.my-bucket.blockPublicAccess: expected a boolean (true or false), got a string")),
        bad(
                "referer lists",
                "buckets:\n  my-bucket:\n    referer: {allowEmpty: false, list: https://a.example.com/*}\n",
                List.of(
                        "profile.yaml:7:40: error: buckets.my-bucket.referer.list: expected a list of strings, got a string")),
        bad(
                "managed value of the wrong kind",
                "buckets:\n  my-bucket:\n    tags: nothing\n",
                List.of(
                        "profile.yaml:7:11: error: buckets.my-bucket.tags: expected a map, or 'none' to remove it, got 'nothing'")),
        bad(
                "policy not defined",
                "ram:\n  users:\n    app: {policies: [AppReadWrite]}\n",
                List.of(
                        "profile.yaml:7:22: error: ram.users.app.policies[0]: policy 'AppReadWrite' is neither defined under ram.policies "
                                + "nor a known system policy")),
        bad(
                "system policy misspelt",
                "ram:\n  roles:\n    r1: {trust: " + TRUST + ", policies: [AliyunOSSFullAcess]}\n",
                List.of(
                        "profile.yaml:7:138: error: ram.roles.r1.policies[0]: policy 'AliyunOSSFullAcess' is neither defined under "
                                + "ram.policies nor a known system policy (did you mean 'AliyunOSSFullAccess'?)")),
        bad(
                "RAM policy with document and generate",
                "ram:\n  policies:\n    P:\n      document: {Version: '1', Statement: [{Effect: Allow, "
                        + "Action: '*', Resource: '*'}]}\n      generate: uploader\nuploader: {bucket: my-bucket}\n",
                List.of(
                        "profile.yaml:8:7: error: ram.policies.P: set exactly one of document (a policy file or inline policy) or generate: uploader",
                        "profile.yaml:10:20: warning: uploader.bucket: bucket 'my-bucket' is not defined in this profile; it must already exist")),
        bad(
                "RAM policy generated without an uploader",
                "ram:\n  policies:\n    P: {generate: uploader}\n",
                List.of(
                        "profile.yaml:7:19: error: ram.policies.P.generate: generate: uploader needs an uploader section in this profile")),
        bad(
                "RAM policy name",
                "ram:\n  policies:\n    App_Policy: {generate: uploader}\nuploader: {bucket: my-bucket}\n",
                List.of(
                        "profile.yaml:7:5: error: ram.policies.App_Policy: 'App_Policy' is not a valid RAM policy name; use 1-128 letters, "
                                + "digits and hyphens",
                        "profile.yaml:8:20: warning: uploader.bucket: bucket 'my-bucket' is not defined in this profile; it must already exist")),
        bad(
                "RAM role name",
                "ram:\n  roles:\n    role_1: {trust: " + TRUST + "}\n",
                List.of(
                        "profile.yaml:7:5: error: ram.roles.role_1: 'role_1' is not a valid RAM role name; use 1-64 letters, digits, "
                                + "periods and hyphens")),
        bad(
                "RAM user name",
                "ram:\n  users:\n    app user: {}\n",
                List.of(
                        "profile.yaml:7:5: error: ram.users[\"app user\"]: 'app user' is not a valid RAM user name; use 1-64 letters, "
                                + "digits, periods, hyphens and underscores")),
        bad(
                "role maxSessionDuration",
                "ram:\n  roles:\n    r1: {trust: " + TRUST + ", maxSessionDuration: 50000}\n",
                List.of(
                        "profile.yaml:7:147: error: ram.roles.r1.maxSessionDuration: must be between 3600 and 43200, got 50000")),
        bad(
                "CDN domain syntax",
                "cdn:\n  domains:\n    media_example.com: {type: web, origin: {ip: 203.0.113.10}}\n",
                List.of(
                        "profile.yaml:7:5: error: cdn.domains[\"media_example.com\"]: 'media_example.com' is not a valid domain name; use "
                                + "lowercase DNS labels of letters, digits and hyphens separated by dots, e.g. media.example.com")),
        bad(
                "CDN type",
                "cdn:\n  domains:\n    media.example.com: {type: images, origin: {ip: 203.0.113.10}}\n",
                List.of(
                        "profile.yaml:7:31: error: cdn.domains[\"media.example.com\"].type: 'images' is not a valid CDN type; accepted: "
                                + "web, download, video")),
        bad(
                "CDN origin is exactly one",
                "cdn:\n  domains:\n    media.example.com: {type: web, origin: {ip: 203.0.113.10, domain: o.example.com}}\n",
                List.of(
                        "profile.yaml:7:44: error: cdn.domains[\"media.example.com\"].origin: set exactly one of ossBucket, domain "
                                + "or ip; found 2")),
        bad(
                "CDN origin IP",
                "cdn:\n  domains:\n    media.example.com: {type: web, origin: {ip: 203.0.113.300}}\n",
                List.of(
                        "profile.yaml:7:49: error: cdn.domains[\"media.example.com\"].origin.ip: '203.0.113.300' is not a valid IPv4 "
                                + "address; use a dotted IPv4 address such as 203.0.113.10")),
        bad(
                "CDN privateOssAuth needs an OSS origin",
                "cdn:\n  domains:\n    media.example.com: {type: web, origin: {domain: o.example.com}, "
                        + "privateOssAuth: true}\n",
                List.of(
                        "profile.yaml:7:85: error: cdn.domains[\"media.example.com\"].privateOssAuth: privateOssAuth only applies to an "
                                + "origin with ossBucket")),
        bad(
                "CDN origin bucket outside the profile",
                "cdn:\n  domains:\n    media.example.com: {type: web, origin: {ossBucket: media-bucket}}\n",
                List.of(
                        "profile.yaml:7:56: warning: cdn.domains[\"media.example.com\"].origin.ossBucket: bucket 'media-bucket' is "
                                + "not defined in this profile; it must already exist")),
        bad(
                "CDN certificate",
                "cdn:\n  domains:\n    media.example.com: {type: web, origin: {ip: 203.0.113.10}, https: {certificate: paid}}\n",
                List.of(
                        "profile.yaml:7:85: error: cdn.domains[\"media.example.com\"].https.certificate: 'paid' is not a valid "
                                + "certificate; accepted: free")),
        bad(
                "CDN cache TTL range",
                CDN + "      cacheTtl: [{paths: [/static/], ttlSeconds: 94608001}]\n",
                List.of(
                        "profile.yaml:10:50: error: cdn.domains[\"media.example.com\"].cacheTtl[0].ttlSeconds: must be between 0 and "
                                + "94608000 (3 years), got 94608001")),
        bad(
                "CDN cache TTL match",
                CDN + "      cacheTtl: [{paths: [/static/], fileTypes: [js], ttlSeconds: 60}]\n",
                List.of(
                        "profile.yaml:10:18: error: cdn.domains[\"media.example.com\"].cacheTtl[0]: set exactly one of fileTypes or paths")),
        bad(
                "uploader placeholder",
                UPLOADER + "keyLayout: '{prefix}/{hour}/{uuid}'}\n",
                List.of(
                        "profile.yaml:7:42: error: uploader.keyLayout: unknown placeholder '{hour}'; accepted: {prefix} {date} {year} {month} {day} {uuid} {filename} {timestamp}")),
        bad(
                "uploader key layout and directory mode both",
                UPLOADER + "keyLayout: '{prefix}/{uuid}_{filename}', dirMode: no_subdirectory}\n",
                List.of(
                        "profile.yaml:7:72: error: uploader.dirMode: 'dirMode' and 'keyLayout' cannot both be set: both set the key template (dirMode is shorthand for a keyLayout); keep one")),
        bad(
                "uploader key layout of timestamp only",
                UPLOADER + "keyLayout: '{prefix}/{timestamp}'}\n",
                List.of(
                        "profile.yaml:7:42: error: uploader.keyLayout: needs {uuid} or {filename}, or files uploaded in the same run would get the same key")),
        bad(
                "uploader key layout collides",
                UPLOADER + "keyLayout: '{prefix}/{date}'}\n",
                List.of(
                        "profile.yaml:7:42: error: uploader.keyLayout: needs {uuid} or {filename}, or files uploaded in the same run would get the same key")),
        bad(
                "uploader URL expiry",
                UPLOADER + "urlExpiresSeconds: 604801}\n",
                List.of(
                        "profile.yaml:7:50: error: uploader.urlExpiresSeconds: must be between 1 and 604800 (7 days, the V1 signed URL "
                                + "limit), got 604801")),
        bad(
                "uploader prefix",
                UPLOADER + "prefix: /uploads}\n",
                List.of(
                        "profile.yaml:7:39: error: uploader.prefix: '/uploads' is not a valid prefix; an object key prefix must not start with '/'")),
        bad(
                "uploader content type",
                UPLOADER + "allowedContentTypes: [image/png, jpeg]}\n",
                List.of(
                        "profile.yaml:7:64: error: uploader.allowedContentTypes[1]: 'jpeg' is not a valid content type; use type/subtype "
                                + "in lowercase, e.g. image/png or image/*")),
        bad(
                "uploader max size",
                UPLOADER + "maxSizeBytes: 0}\n",
                List.of("profile.yaml:7:45: error: uploader.maxSizeBytes: must be at least 1, got 0")),
        bad(
                "uploader dirMode",
                UPLOADER + "dirMode: daily}\n",
                List.of(
                        "profile.yaml:7:40: error: uploader.dirMode: 'daily' is not a valid dirMode; accepted: no_subdirectory, "
                                + "yyyy_mm_dd_hierarchy, yyyy_mm_dd_combined")),
        bad(
                "uploader filenameMode",
                UPLOADER + "filenameMode: original}\n",
                List.of(
                        "profile.yaml:7:45: error: uploader.filenameMode: 'original' is not a valid filenameMode; accepted: filename, "
                                + "filename_timestamp")),
        bad(
                "uploader post-policy ACL",
                UPLOADER + "postObjectAcl: public-read-write}\n",
                List.of(
                        "profile.yaml:7:46: error: uploader.postObjectAcl: 'public-read-write' is not a valid ACL; accepted: private, "
                                + "default, public-read")),
        bad(
                "uploader needs a bucket",
                "uploader: {prefix: uploads}\n",
                List.of("profile.yaml:5:11: error: uploader: missing required key 'bucket' (a string)")),
        bad(
                "uploader bucket outside the profile",
                "uploader: {bucket: elsewhere}\n",
                List.of(
                        "profile.yaml:5:20: warning: uploader.bucket: bucket 'elsewhere' is not defined in this profile; it must already exist")),
        bad(
                "literal secret in credentials",
                "credentials:\n  source: env\n  accessKeySecret: abc\n",
                List.of(
                        "profile.yaml:7:3: error: credentials.accessKeySecret: 'accessKeySecret' looks like a literal secret, and secrets "
                                + "never go in a profile; name a source instead: credentials: {source: env | aliyun-cli | ecs-ram-role}")),
        bad(
                "literal AccessKey id at the top",
                "accessKeyId: LTAI5tExample\n",
                List.of(
                        "profile.yaml:5:1: error: accessKeyId: 'accessKeyId' looks like a literal secret, and secrets never go in a "
                                + "profile; name a source instead: credentials: {source: env | aliyun-cli | ecs-ram-role}")),
        bad(
                "credential source",
                "credentials: {source: file}\n",
                List.of(
                        "profile.yaml:5:23: error: credentials.source: 'file' is not a valid credential source; accepted: env, aliyun-cli, ecs-ram-role")),
        bad(
                "credential profile only with aliyun-cli",
                "credentials: {source: env, profile: prod}\n",
                List.of("profile.yaml:5:37: error: credentials.profile: profile is only used with source aliyun-cli")),
        bad(
                "credential roleName only with ecs-ram-role",
                "credentials: {source: aliyun-cli, roleName: app}\n",
                List.of(
                        "profile.yaml:5:45: error: credentials.roleName: roleName is only used with source ecs-ram-role")),
        bad(
                "endpoint",
                "endpoint: ftp://127.0.0.1:21\n",
                List.of(
                        "profile.yaml:5:11: error: endpoint: 'ftp://127.0.0.1:21' is not a valid endpoint; use an http:// or https:// URL "
                                + "(scheme, host and optional port) or 'embedded'")),
        bad(
                "emulator settings without the embedded emulator",
                "endpoint: http://127.0.0.1:9000\nemulator: {dataDir: data}\n",
                List.of("profile.yaml:6:11: warning: emulator: is ignored unless endpoint is 'embedded'")),
        bad(
                "warning: IA before its minimum duration",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(ABORT + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Transitions\": [\n"
                                + "  {\"Days\": 30, \"StorageClass\": \"IA\"}],\n  \"Expiration\": {\"Days\": 45}}")),
                List.of(
                        "a.json:3:32: warning: Rules[1].Transitions[0].StorageClass: objects enter IA at day 30 and leave it at day 45 "
                                + "(expiration), before its 30-day minimum storage duration; OSS bills the full 30 days")),
        bad(
                "warning: Archive before its minimum duration",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(
                                ABORT + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Transitions\": [\n"
                                        + "  {\"Days\": 30, \"StorageClass\": \"Archive\"},\n  {\"Days\": 60, \"StorageClass\": \"ColdArchive\"}]}")),
                List.of(
                        "a.json:3:32: warning: Rules[1].Transitions[0].StorageClass: objects enter Archive at day 30 and leave it at day "
                                + "60 (the next transition), before its 60-day minimum storage duration; OSS bills the full 60 days")),
        bad(
                "warning: versioning without noncurrent expiration",
                "buckets:\n  my-bucket: {versioning: Enabled}\n",
                List.of(
                        "profile.yaml:6:27: warning: buckets.my-bucket.versioning: versioning is Enabled but no lifecycle rule sets "
                                + "NoncurrentVersionExpiration; previous versions are kept and billed forever")),
        bad(
                "warning: no rule aborts multipart uploads",
                "buckets:\n  my-bucket:\n    lifecycle: {Rules: [{ID: r1, Status: Enabled, "
                        + "Expiration: {Days: 30}}]}\n",
                List.of(
                        "profile.yaml:7:16: warning: buckets.my-bucket.lifecycle: no enabled rule aborts incomplete multipart uploads; "
                                + "their parts are billed until removed (add an AbortMultipartUpload rule)")),
        bad(
                "lifecycle rule ID length",
                "buckets:\n  my-bucket:\n    lifecycle: {Rules: [{ID: " + "r".repeat(256) + ", Status: Enabled, "
                        + "AbortMultipartUpload: {Days: 1}}]}\n",
                List.of("profile.yaml:7:30: error: buckets.my-bucket.lifecycle.Rules[0].ID: '" + "r".repeat(256)
                        + "' is not a valid rule " + "ID; use 1-255 characters")),
        bad(
                "lifecycle transition needs Days or CreatedBeforeDate",
                LIFECYCLE_BUCKET,
                Map.of(
                        "a.json",
                        rules(
                                ABORT
                                        + ", {\"ID\": \"r2\", \"Status\": \"Enabled\", \"Transitions\": [{\"StorageClass\": \"IA\"}]}")),
                List.of(
                        "a.json:2:126: error: Rules[1].Transitions[0]: set exactly one of Days or CreatedBeforeDate; found 0")),
        bad(
                "policy needs Resource or NotResource",
                "ram:\n  policies:\n    P: {document: {Version: '1', Statement: [{Effect: Allow, Action: '*'}]}}\n",
                List.of(
                        "profile.yaml:7:46: error: ram.policies.P.document.Statement[0]: set exactly one of Resource or NotResource")),
        bad(
                "policy with an empty Statement",
                "ram:\n  policies:\n    P: {document: {Version: '1', Statement: []}}\n",
                List.of(
                        "profile.yaml:7:45: error: ram.policies.P.document.Statement: at least 1 item is required, got 0")),
        bad(
                "identity policy with a Principal",
                "ram:\n  policies:\n    P: {document: {Version: '1', Statement: [{Effect: Allow, "
                        + "Action: '*', Resource: '*', Principal: '*'}]}}\n",
                List.of(
                        "profile.yaml:7:101: error: ram.policies.P.document.Statement[0].Principal: a RAM policy attached to users "
                                + "and roles has no Principal; it applies to whoever it is attached to")),
        bad(
                "policy Principal shape",
                "buckets:\n  my-bucket:\n    policy: {Version: '1', Statement: [{Effect: Allow, Action: '*', "
                        + "Resource: '*', Principal: 1234}]}\n",
                List.of(
                        "profile.yaml:7:95: error: buckets.my-bucket.policy.Statement[0].Principal: expected a string or a list of "
                                + "strings or a map, got an integer")),
        bad(
                "trust policy with a Resource",
                "ram:\n  roles:\n    r1: {trust: {Version: '1', Statement: [{Effect: Allow, "
                        + "Action: sts:AssumeRole, Principal: {RAM: 'acs:ram::123:root'}, Resource: '*'}]}}\n",
                List.of(
                        "profile.yaml:7:133: error: ram.roles.r1.trust.Statement[0].Resource: a trust policy has no Resource: "
                                + "the role itself is the resource")),
        bad(
                "replication to the same bucket",
                "buckets:\n  my-bucket:\n    replication:\n      r1: {destination: {bucket: my-bucket, region: cn-shanghai}}\n",
                List.of(
                        "profile.yaml:8:34: error: buckets.my-bucket.replication.r1.destination.bucket: a bucket cannot replicate "
                                + "to itself; name another bucket")),
        bad(
                "warning: allowPublicWrite without public-read-write",
                "buckets:\n  my-bucket: {acl: private, allowPublicWrite: {reason: x}}\n",
                List.of(
                        "profile.yaml:6:47: warning: buckets.my-bucket.allowPublicWrite: has no effect unless acl is public-read-write")),
        bad(
                "warning: public ACL under blockPublicAccess",
                "buckets:\n  my-bucket: {acl: public-read, blockPublicAccess: true}\n",
                List.of(
                        "profile.yaml:6:20: warning: buckets.my-bucket.acl: acl public-read has no effect while blockPublicAccess is true")),
    };
}
