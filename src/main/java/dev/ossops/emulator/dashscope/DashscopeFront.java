package dev.ossops.emulator.dashscope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.http.IncomingRequest;
import dev.ossops.emulator.http.Reply;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Puts DashScope's policy endpoint in front of the OSS handler on the shared port. A request is
 * DashScope's only when it is {@code GET /api/v1/uploads} with {@code action=getPolicy} and an
 * {@code Authorization: Bearer} header: OSS never signs with a bearer token (its schemes are
 * {@code OSS} and {@code OSS4-HMAC-SHA256}), so object {@code v1/uploads} of a bucket named
 * {@code api} is still served by OSS, signed or anonymous.
 */
public final class DashscopeFront implements Function<IncomingRequest, Reply> {
    static final String PATH = "/api/v1/uploads";
    private static final String BEARER = "Bearer ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadPolicyService policies;
    private final Function<IncomingRequest, Reply> oss;
    private final Supplier<URI> endpoint;
    private final Supplier<UUID> requestIds;

    /**
     * @param oss      everything that is not a DashScope request
     * @param endpoint the emulator's URL, for upload_host
     */
    public DashscopeFront(
            UploadPolicyService policies,
            Function<IncomingRequest, Reply> oss,
            Supplier<URI> endpoint,
            Supplier<UUID> requestIds) {
        this.policies = policies;
        this.oss = oss;
        this.endpoint = endpoint;
        this.requestIds = requestIds;
    }

    @Override
    public Reply apply(IncomingRequest incoming) {
        String authorization = incoming.header("Authorization");
        if (!isPolicyRequest(incoming) || authorization == null) {
            return oss.apply(incoming);
        }
        String requestId = requestIds.get().toString();
        String apiKey = authorization.substring(BEARER.length()).trim();
        try {
            UploadPolicy p = policies.issue(apiKey, query(incoming.rawQuery()).get("model"), endpoint.get());
            ObjectNode body = JSON.createObjectNode();
            body.put("request_id", requestId);
            ObjectNode data = body.putObject("data");
            data.put("policy", p.policy());
            data.put("signature", p.signature());
            data.put("upload_dir", p.uploadDir());
            data.put("upload_host", p.uploadHost());
            data.put("expire_in_seconds", p.expireInSeconds());
            data.put("max_file_size_mb", p.maxFileSizeMb());
            data.put("capacity_limit_mb", p.capacityLimitMb());
            data.put("oss_access_key_id", p.ossAccessKeyId());
            data.put("x_oss_object_acl", UploadPolicy.OBJECT_ACL);
            data.put("x_oss_forbid_overwrite", UploadPolicy.FORBID_OVERWRITE);
            return json(200, body);
        } catch (DashscopeException e) {
            ObjectNode body = JSON.createObjectNode();
            body.put("code", e.error().code());
            body.put("message", e.error().message());
            body.put("request_id", requestId);
            return json(e.error().status(), body);
        }
    }

    /** Whether {@code incoming} is DashScope's getPolicy rather than an OSS request. */
    static boolean isPolicyRequest(IncomingRequest incoming) {
        String authorization = incoming.header("Authorization");
        return "GET".equalsIgnoreCase(incoming.method())
                && PATH.equals(incoming.rawPath())
                && authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && "getPolicy".equals(query(incoming.rawQuery()).get("action"));
    }

    /** The query's parameters, first occurrence wins; a malformed escape leaves that parameter out. */
    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            decode(name).ifPresent(n -> decode(value).ifPresent(v -> params.putIfAbsent(n, v)));
        }
        return params;
    }

    private static java.util.Optional<String> decode(String s) {
        try {
            return java.util.Optional.of(URLDecoder.decode(s, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // A malformed percent escape: the parameter is treated as absent (model missing -> 400).
            return java.util.Optional.empty();
        }
    }

    private static Reply json(int status, ObjectNode body) {
        try {
            return Reply.bytes(status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render DashScope JSON", e);
        }
    }
}
