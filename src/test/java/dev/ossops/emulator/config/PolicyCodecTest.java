package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.GetBucketPolicyResult;
import com.aliyun.oss.model.GetBucketPolicyStatusResult;
import com.aliyun.oss.model.SetBucketPolicyRequest;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.error.OssError;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.ossops.emulator.config.OssAssert.assertOssError;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyCodecTest {
    private static final String POLICY = "{\n  \"Version\": \"1\",\n  \"Statement\": [\n    {\n"
            + "      \"Effect\": \"Allow\",\n      \"Action\": [\"oss:GetObject\", \"oss:ListObjects\"],\n"
            + "      \"Principal\": [\"20214760404935xxxx\"],\n"
            + "      \"Resource\": [\"acs:oss:*:174649585760xxxx:media\", \"acs:oss:*:174649585760xxxx:media/*\"],\n"
            + "      \"Condition\": {\"IpAddress\": {\"acs:SourceIp\": [\"192.168.0.0/16\"]}}\n    },\n"
            + "    {\"Effect\": \"Deny\", \"NotAction\": \"oss:Get*\", \"Principal\": \"*\","
            + " \"Resource\": \"acs:oss:*:*:media/private/*\"}\n  ]\n}";

    private final PolicyCodec codec = new PolicyCodec();

    private static byte[] sdkBody(String policy) {
        return SdkWire.body(RequestMarshallers.setBucketPolicyRequestMarshaller.marshall(
                new SetBucketPolicyRequest("media", policy)));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParserUnchanged() throws Exception {
        BucketConfigCodec.StoredConfig stored = codec.accept("media", sdkBody(POLICY));
        GetBucketPolicyResult got = ResponseParsers.getBucketPolicyResponseParser.parse(SdkWire.response(stored));
        assertEquals(POLICY, SdkWire.text(stored));
        // The SDK's parser reads the body line by line and joins the lines without separators.
        assertEquals(POLICY.replace("\n", ""), got.getPolicyText());
        assertEquals("application/json", stored.contentType());
    }

    private void assertInvalidPolicy(String message, String policy) {
        byte[] body = utf8(policy);
        assertOssError(OssError.INVALID_POLICY_DOCUMENT, message, Map.of(), () -> codec.accept("media", body));
    }

    private static String statement(String body) {
        return "{\"Version\":\"1\",\"Statement\":[{" + body + "}]}";
    }

    private static final String GOOD = "\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Principal\":\"*\","
            + "\"Resource\":\"acs:oss:*:*:media/*\"";

    @Test
    void accept_minimalStatementIsAccepted() {
        assertEquals(statement(GOOD), SdkWire.text(codec.accept("media", utf8(statement(GOOD)))));
    }

    @Test
    void accept_numericVersionIsInvalidPolicy() {
        assertInvalidPolicy(
                "The policy Version must be the string \"1\".", "{\"Version\":1,\"Statement\":[{" + GOOD + "}]}");
    }

    @Test
    void accept_versionTwoIsInvalidPolicy() {
        assertInvalidPolicy(
                "The policy Version must be the string \"1\".", "{\"Version\":\"2\",\"Statement\":[{" + GOOD + "}]}");
    }

    @Test
    void accept_notJsonIsInvalidPolicy() {
        assertInvalidPolicy("The policy is not valid JSON.", "{\"Version\":\"1\",");
    }

    @Test
    void accept_trailingGarbageIsInvalidPolicy() {
        assertInvalidPolicy("The policy is not valid JSON.", statement(GOOD) + " {}");
    }

    @Test
    void accept_arrayDocumentIsInvalidPolicy() {
        assertInvalidPolicy("The policy must be a JSON object.", "[]");
    }

    @Test
    void accept_unknownTopLevelElementIsInvalidPolicy() {
        assertInvalidPolicy(
                "Unknown policy element: Id.", "{\"Version\":\"1\",\"Id\":\"x\",\"Statement\":[{" + GOOD + "}]}");
    }

    @Test
    void accept_emptyStatementListIsInvalidPolicy() {
        assertInvalidPolicy(
                "The policy must contain a non-empty Statement list.", "{\"Version\":\"1\",\"Statement\":[]}");
    }

    @Test
    void accept_badEffectIsInvalidPolicy() {
        assertInvalidPolicy("The statement Effect must be Allow or Deny.", statement(GOOD.replace("Allow", "allow")));
    }

    @Test
    void accept_actionAndNotActionIsInvalidPolicy() {
        assertInvalidPolicy(
                "The statement must contain exactly one of Action and NotAction.",
                statement(GOOD + ",\"NotAction\":\"oss:PutObject\""));
    }

    @Test
    void accept_nonOssActionIsInvalidPolicy() {
        assertInvalidPolicy(
                "The action ecs:DescribeInstances is not an OSS action.",
                statement(GOOD.replace("oss:GetObject", "ecs:DescribeInstances")));
    }

    @Test
    void accept_malformedResourceIsInvalidPolicy() {
        assertInvalidPolicy(
                "The resource arn:aws:s3:::media/* is not of the form acs:oss:*:*:bucket[/object].",
                statement(GOOD.replace("acs:oss:*:*:media/*", "arn:aws:s3:::media/*")));
    }

    @Test
    void accept_resourceOfOtherBucketIsInvalidPolicy() {
        assertInvalidPolicy(
                "The resource acs:oss:*:*:other/* does not belong to bucket media.",
                statement(GOOD.replace("media/*", "other/*")));
    }

    @Test
    void accept_wildcardBucketAsInOssSample_isAccepted() {
        // Troubleshooting page 0030-00000005's sample resource: any bucket of the account.
        String policy = statement(GOOD.replace("acs:oss:*:*:media/*", "acs:oss:*:174649585760xxxx:*/*"));
        assertEquals(policy, SdkWire.text(codec.accept("media", utf8(policy))));
        String sdkTest = statement(GOOD.replace("acs:oss:*:*:media/*", "acs:oss:*:*:*/user1/*"));
        assertEquals(sdkTest, SdkWire.text(codec.accept("media", utf8(sdkTest))));
    }

    @Test
    void accept_bucketPatternMatchingThisBucket_isAcceptedAndOneThatDoesNotIsInvalid() {
        String matching = statement(GOOD.replace("media/*", "med?a*/*"));
        assertEquals(matching, SdkWire.text(codec.accept("media", utf8(matching))));
        assertInvalidPolicy(
                "The resource acs:oss:*:*:logs-*/* does not belong to bucket media.",
                statement(GOOD.replace("media/*", "logs-*/*")));
    }

    @Test
    void accept_withoutBucketChecksResourceFormOnly() {
        assertEquals(
                statement(GOOD.replace("media/*", "other/*")),
                SdkWire.text(codec.accept(utf8(statement(GOOD.replace("media/*", "other/*"))))));
    }

    @Test
    void accept_missingPrincipalIsInvalidPolicy() {
        assertInvalidPolicy(
                "The statement must contain a Principal.", statement(GOOD.replace(",\"Principal\":\"*\"", "")));
    }

    @Test
    void accept_emptyActionListIsInvalidPolicy() {
        assertInvalidPolicy(
                "The statement Action must be a string or a list of strings.",
                statement(GOOD.replace("\"oss:GetObject\"", "[]")));
    }

    @Test
    void accept_conditionNotObjectIsInvalidPolicy() {
        assertInvalidPolicy("The statement Condition must be a JSON object.", statement(GOOD + ",\"Condition\":\"x\""));
    }

    @Test
    void accept_unknownStatementElementIsInvalidPolicy() {
        assertInvalidPolicy("Unknown statement element: Actions.", statement(GOOD + ",\"Actions\":[]"));
    }

    @Test
    void accept_sidOrNotPrincipal_invalidPolicyAsTheGrammarHasNeither() {
        assertInvalidPolicy("Unknown statement element: Sid.", statement(GOOD + ",\"Sid\":\"read\""));
        assertInvalidPolicy(
                "Unknown statement element: NotPrincipal.",
                statement(GOOD.replace("\"Principal\":\"*\"", "\"NotPrincipal\":\"*\"")));
    }

    @Test
    void accept_emptyPrincipalList_acceptedAsEveryone() {
        // OSS "Authorization syntax and elements": Principal [] is equivalent to ["*"].
        String policy = statement(GOOD.replace("\"Principal\":\"*\"", "\"Principal\":[]"));
        assertEquals(policy, SdkWire.text(codec.accept("media", utf8(policy))));
    }

    @Test
    void accept_over16KbIsInvalidPolicy() {
        String padded =
                statement(GOOD + ",\"Condition\":{\"StringLike\":{\"oss:Prefix\":\"" + "s".repeat(16 * 1024) + "\"}}");
        assertInvalidPolicy("The policy size exceeds the limit of 16 KB.", padded);
    }

    @Test
    void whenUnset_isNoSuchBucketPolicy() {
        assertOssError(
                OssError.NO_SUCH_BUCKET_POLICY,
                "The bucket policy does not exist.",
                Map.of("BucketName", "media"),
                () -> codec.whenUnset("media"));
    }

    @Test
    void policyStatus_rendersEvaluatorVerdictForSdk() throws Exception {
        BucketPolicyText policy = codec.parse(Optional.of("media"), utf8(statement(GOOD)));
        BucketConfigCodec.StoredConfig status =
                PolicyStatus.render(Optional.of(policy), p -> p.json().contains("\"*\""));
        GetBucketPolicyStatusResult got =
                ResponseParsers.getBucketPolicyStatusResponseParser.parse(SdkWire.response(status));
        assertEquals(true, got.isPublic());
        GoldenFiles.assertGolden("emulator-config/policy-status.xml", SdkWire.text(status));
    }

    @Test
    void policyStatus_withoutPolicyIsNotPublic() throws Exception {
        BucketConfigCodec.StoredConfig status = PolicyStatus.render(Optional.empty(), p -> true);
        GetBucketPolicyStatusResult got =
                ResponseParsers.getBucketPolicyStatusResponseParser.parse(SdkWire.response(status));
        assertEquals(false, got.isPublic());
    }
}
