package dev.ossops.policy;

import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the evaluator sees it: the RAM action ({@code oss:PutObject}), the resource ARN
 * ({@code acs:oss:*:<owner uid>:<bucket>/<key>}), the caller and the condition keys the request
 * carries ({@code acs:SourceIp}, {@code acs:SecureTransport}, {@code acs:CurrentTime},
 * {@code acs:SourceVpc}, {@code acs:UserAgent}, {@code acs:AccessId}, {@code oss:Prefix},
 * {@code oss:Delimiter}, ...). Keys are not checked against a list: the evaluator decides any key
 * the caller supplies (the emulator may pass {@code acs:Referer}; whether OSS honours it in
 * bucket policies is not confirmed by its docs, where hotlink protection is the bucket's Referer
 * configuration). Key names compare ignoring case (the docs spell them in mixed case and do not
 * promise case rules).
 */
public record RequestContext(String action, String resource, Caller caller, Map<String, List<String>> keys) {
    public RequestContext {
        Map<String, List<String>> lowered = new HashMap<>();
        keys.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        keys = Map.copyOf(lowered);
    }

    /** A request without condition keys. */
    public static RequestContext of(String action, String resource, Caller caller) {
        return new RequestContext(action, resource, caller, Map.of());
    }

    /** This request with one more condition key (single value). */
    public RequestContext with(String key, String value) {
        return with(key, List.of(value));
    }

    /** This request with one more condition key. */
    public RequestContext with(String key, List<String> values) {
        Map<String, List<String>> more = new HashMap<>(keys);
        more.put(key.toLowerCase(Locale.ROOT), values);
        return new RequestContext(action, resource, caller, more);
    }

    /** The request's values for {@code key}; empty when the request lacks it. */
    public List<String> values(String key) {
        return keys.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    /** The resource ARN of a bucket ({@code key} null) or of an object, in the form OSS authorizes. */
    public static String ossResource(String ownerAccount, String bucket, @Nullable String key) {
        return "acs:oss:*:" + ownerAccount + ":" + bucket + (key == null ? "" : "/" + key);
    }
}
