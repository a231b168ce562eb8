package dev.ossops.policy.access;

import dev.ossops.policy.OssAction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One access assertion as the checker reads it: {@code principal} may ({@code expectAllowed}) or may not perform
 * each of {@code actions} on {@code bucket} ({@code keyPattern} empty) or on every object whose key matches
 * {@code keyPattern} ({@code *} any run, {@code ?} one character), directly or through the CDN domain {@code viaCdn}.
 * {@code fixedKeys} pins condition keys (lower case; an empty value = the request does not carry the key);
 * every key not pinned ranges over all values. {@code signedCdnUrl} pins whether a request through the CDN
 * carries a valid URL-authentication signature.
 */
public record AccessQuery(
        String name,
        AccessPrincipal principal,
        List<OssAction> actions,
        String bucket,
        Optional<String> keyPattern,
        Optional<String> viaCdn,
        Map<String, Optional<String>> fixedKeys,
        Optional<Boolean> signedCdnUrl,
        boolean expectAllowed) {

    public AccessQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(principal, "principal");
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("an assertion needs at least one action");
        }
        Map<String, Optional<String>> lowered = new LinkedHashMap<>();
        fixedKeys.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
        fixedKeys = java.util.Collections.unmodifiableMap(lowered);
    }

    /** {@code bucket} or {@code bucket/pattern}. */
    public String resource() {
        return bucket + keyPattern.map(k -> "/" + k).orElse("");
    }
}
