package dev.ossops.emulator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.policy.Patterns;
import dev.ossops.shared.PolicyGrammar;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ?policy}: PutBucketPolicy / GetBucketPolicy / DeleteBucketPolicy. Checks the shape OSS
 * requires of a bucket policy (0030-* error pages, "Policy structure and syntax"): at most 16 KB,
 * {@code Version} the string {@code "1"}, a non-empty {@code Statement} list whose statements have an
 * {@code Effect}, exactly one of {@code Action}/{@code NotAction} with {@code oss:} actions, exactly one
 * of {@code Resource}/{@code NotResource} whose bucket segment matches this bucket (a pattern such as
 * {@code *} does), and a {@code Principal} (required in bucket policies: "Authorization syntax and elements");
 * no other element ({@link PolicyGrammar}).
 */
public final class PolicyCodec implements BucketConfigCodec {
    static final int MAX_BYTES = 16 * 1024;
    static final String JSON = "application/json";
    /** The one grammar ossops shares ({@link PolicyGrammar}: no Sid, no NotPrincipal). */
    private static final Set<String> STATEMENT_KEYS = Set.copyOf(PolicyGrammar.statementElements());

    private static final Pattern RESOURCE = Pattern.compile("acs:oss:[^:]*:[^:]*:([^/]*)(/.*)?");

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public String subresource() {
        return "policy";
    }

    /** Without a bucket the resources are only checked for form; the service calls {@link #accept(String, byte[])}. */
    @Override
    public StoredConfig accept(byte[] body) {
        return stored(parse(Optional.empty(), body));
    }

    @Override
    public StoredConfig accept(String bucket, byte[] body) {
        return stored(parse(Optional.of(bucket), body));
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        throw new OssException(OssError.NO_SUCH_BUCKET_POLICY).with("BucketName", bucket);
    }

    private static StoredConfig stored(BucketPolicyText policy) {
        return new StoredConfig(JSON, policy.json().getBytes(StandardCharsets.UTF_8));
    }

    /** Validates a policy for {@code bucket} (when given) and keeps its text unchanged. */
    public BucketPolicyText parse(Optional<String> bucket, byte[] body) {
        if (body.length > MAX_BYTES) {
            throw invalid("The policy size exceeds the limit of 16 KB.");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid("The policy is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("The policy must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("Version") && !name.equals("Statement")) {
                throw invalid("Unknown policy element: " + name + ".");
            }
        }
        JsonNode version = root.get("Version");
        if (version == null || !version.isTextual() || !version.asText().equals("1")) {
            throw invalid("The policy Version must be the string \"1\".");
        }
        JsonNode statements = root.get("Statement");
        if (statements == null || !statements.isArray() || statements.isEmpty()) {
            throw invalid("The policy must contain a non-empty Statement list.");
        }
        for (JsonNode statement : statements) {
            statement(statement, bucket);
        }
        return new BucketPolicyText(text);
    }

    private static void statement(JsonNode s, Optional<String> bucket) {
        if (!s.isObject()) {
            throw invalid("Each Statement must be a JSON object.");
        }
        for (Iterator<String> names = s.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!STATEMENT_KEYS.contains(name)) {
                throw invalid("Unknown statement element: " + name + ".");
            }
        }
        JsonNode effect = s.get("Effect");
        if (effect == null
                || !effect.isTextual()
                || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
            throw invalid("The statement Effect must be Allow or Deny.");
        }
        for (String action : exactlyOne(s, "Action", "NotAction")) {
            if (!action.equals("*") && !action.startsWith("oss:")) {
                throw invalid("The action " + action + " is not an OSS action.");
            }
        }
        for (String resource : exactlyOne(s, "Resource", "NotResource")) {
            Matcher m = RESOURCE.matcher(resource);
            if (!m.matches()) {
                throw invalid("The resource " + resource + " is not of the form acs:oss:*:*:bucket[/object].");
            }
            // The bucket segment is a pattern like the rest of the ARN: OSS's own samples use "*"
            // (troubleshooting page 0030-00000005: "acs:oss:*:123456****:*/*").
            if (bucket.isPresent() && !new Patterns(List.of(m.group(1)), false).matches(bucket.get(), false)) {
                throw invalid("The resource " + resource + " does not belong to bucket " + bucket.get() + ".");
            }
        }
        if (!s.has("Principal")) {
            throw invalid("The statement must contain a Principal.");
        }
        principals(s.get("Principal"));
        if (s.has("Condition") && !s.get("Condition").isObject()) {
            throw invalid("The statement Condition must be a JSON object.");
        }
    }

    /** A string or list of strings, where OSS documents an empty list as everyone ("Principal": []). */
    private static void principals(JsonNode node) {
        if (!(node.isArray() && node.isEmpty())) {
            strings(node, "Principal");
        }
    }

    private static List<String> exactlyOne(JsonNode s, String name, String negated) {
        if (s.has(name) == s.has(negated)) {
            throw invalid("The statement must contain exactly one of " + name + " and " + negated + ".");
        }
        return strings(s.has(name) ? s.get(name) : s.get(negated), name);
    }

    /** A string or a non-empty list of strings. */
    private static List<String> strings(JsonNode node, String name) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode n : node) {
                if (!n.isTextual()) {
                    throw invalid("The statement " + name + " must be a string or a list of strings.");
                }
                values.add(n.asText());
            }
        } else {
            throw invalid("The statement " + name + " must be a string or a list of strings.");
        }
        return values;
    }

    private static OssException invalid(String message) {
        return new OssException(OssError.INVALID_POLICY_DOCUMENT, message);
    }
}
