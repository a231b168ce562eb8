package dev.ossops.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.OssAction;
import dev.ossops.shared.PolicyGrammar;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The session policy {@code ossops sts-token} passes to AssumeRole: Allow the listed object
 * actions on the uploader's prefix only. The temporary credentials then get the intersection of
 * the role's policies and this one, so a leaked token can write under the prefix and nowhere else.
 */
public final class SessionPolicies {
    /** AssumeRole's limit on the Policy parameter. */
    public static final int MAX_POLICY_LENGTH = 2048;

    public static final List<String> DEFAULT_ACTIONS = List.of("oss:PutObject");

    private SessionPolicies() {}

    /**
     * The policy as compact JSON. {@code actions} are RAM action names ({@code oss:PutObject}; the
     * {@code oss:} may be left out), object-level only; empty means {@link #DEFAULT_ACTIONS}.
     */
    public static String forPrefix(String bucket, String prefix, List<String> actions) {
        List<String> resolved = objectActions(actions.isEmpty() ? DEFAULT_ACTIONS : actions);
        ObjectNode root = policy(List.of(statement(resolved, prefixResource(bucket, prefix))));
        String json = write(root, false);
        if (json.length() > MAX_POLICY_LENGTH) {
            throw new UploadException("session policy is " + json.length() + " characters; AssumeRole accepts at most "
                    + MAX_POLICY_LENGTH);
        }
        return json;
    }

    /**
     * The policy for exactly one object ({@code acs:oss:*:*:bucket/key}): credentials that can write that key and no
     * other. The key must not contain {@code *} or {@code ?}, which RAM would read as wildcards.
     */
    public static String forObject(String bucket, String key, List<String> actions) {
        UploaderSettings.checkBucket(bucket);
        ObjectKeys.validate(key);
        if (key.contains("*") || key.contains("?")) {
            throw new UploadException(
                    "key '" + key + "' must not contain '*' or '?': they are wildcards in RAM resources");
        }
        List<String> resolved = objectActions(actions.isEmpty() ? DEFAULT_ACTIONS : actions);
        String json = write(policy(List.of(statement(resolved, "acs:oss:*:*:" + bucket + "/" + key))), false);
        if (json.length() > MAX_POLICY_LENGTH) {
            throw new UploadException("session policy is " + json.length() + " characters; AssumeRole accepts at most "
                    + MAX_POLICY_LENGTH);
        }
        return json;
    }

    /**
     * {@code acs:oss:*:*:bucket/prefix/*}: every object under the prefix in any account's bucket of
     * that name (the owner is decided by the bucket). The trailing {@code /} keeps {@code uploads}
     * from also granting {@code uploads-old/}; the key layouts always put a {@code /} after the prefix.
     */
    static String prefixResource(String bucket, String prefix) {
        UploaderSettings.checkBucket(bucket);
        String p = prefix == null ? "" : prefix.replaceAll("^/+", "").replaceAll("/+$", "");
        if (p.contains("*") || p.contains("?")) {
            throw new UploadException(
                    "prefix '" + prefix + "' must not contain '*' or '?': they are wildcards in RAM resources");
        }
        return "acs:oss:*:*:" + bucket + "/" + (p.isEmpty() ? "" : p + "/") + "*";
    }

    /** {@code acs:oss:*:*:bucket}: the bucket itself, for bucket-level actions such as ListMultipartUploads. */
    static String bucketResource(String bucket) {
        UploaderSettings.checkBucket(bucket);
        return "acs:oss:*:*:" + bucket;
    }

    /** Resolves names against the OSS action catalogue; only object-level actions fit a prefix resource. */
    static List<String> objectActions(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            String qualified = name.contains(":") ? name : "oss:" + name;
            OssAction action =
                    OssAction.of(qualified).orElseThrow(() -> new UploadException("unknown OSS action '" + name + "'"));
            if (action.scope() != OssAction.Scope.OBJECT) {
                throw new UploadException(action.action() + " applies to a "
                        + action.scope().name().toLowerCase(Locale.ROOT)
                        + ", not to objects: a policy on bucket/prefix/* cannot grant it");
            }
            out.add(action.action());
        }
        return List.copyOf(out);
    }

    static ObjectNode policy(List<ObjectNode> statements) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put(PolicyGrammar.VERSION, PolicyGrammar.VERSION_1);
        ArrayNode list = root.putArray(PolicyGrammar.STATEMENT);
        statements.forEach(list::add);
        return root;
    }

    /** An Allow statement in the one grammar every part of ossops reads ({@link PolicyGrammar}: no Sid). */
    static ObjectNode statement(List<String> actions, String resource) {
        ObjectNode s = new ObjectMapper().createObjectNode();
        s.put(PolicyGrammar.Element.EFFECT.json(), PolicyGrammar.ALLOW);
        ArrayNode a = s.putArray(PolicyGrammar.Element.ACTION.json());
        actions.forEach(a::add);
        s.putArray(PolicyGrammar.Element.RESOURCE.json()).add(resource);
        return s;
    }

    static String write(ObjectNode node, boolean pretty) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            return pretty
                    ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                    : mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
