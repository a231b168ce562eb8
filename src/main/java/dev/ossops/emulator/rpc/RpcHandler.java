package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RPC front: checks the POP signature (version 1.0), timestamp skew, nonce replay and the
 * credential's state, then dispatches by (Version, Action) to a service and renders its answer
 * or error. Transport independent: the HTTP server passes an {@link RpcRequest} and writes the
 * {@link RpcResponse}.
 */
public final class RpcHandler {
    private static final System.Logger LOG = System.getLogger(RpcHandler.class.getName());
    /** Requests older or newer than this are refused (documented POP limit). */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final CredentialLookup credentials;
    private final RpcAuthorizer authorizer;
    private final Map<String, RpcService> servicesByVersion = new LinkedHashMap<>();
    private final Clock clock;
    private final NonceCache nonces;
    private final RpcRenderer renderer = new RpcRenderer(new ObjectMapper());
    private final Ids ids = new Ids();

    public RpcHandler(CredentialLookup credentials, RpcAuthorizer authorizer, List<RpcService> services, Clock clock) {
        this.credentials = credentials;
        this.authorizer = authorizer;
        this.clock = clock;
        // A nonce only needs remembering while a request carrying it could still pass the skew check.
        this.nonces = new NonceCache(clock, MAX_SKEW.multipliedBy(2));
        for (RpcService service : services) {
            if (servicesByVersion.putIfAbsent(service.api().version(), service) != null) {
                throw new IllegalArgumentException(
                        "two services answer version " + service.api().version());
            }
        }
    }

    public RpcResponse handle(RpcRequest request) {
        String requestId = ids.requestId();
        Params params = new Params(request.parameters());
        boolean xml = "XML".equalsIgnoreCase(params.optional("Format", "JSON"));
        Optional<RpcService> service = params.optional("Version").map(servicesByVersion::get);
        try {
            String action = params.required("Action");
            params.required("Version"); // MissingVersion before InvalidVersion
            RpcService target = service.orElseThrow(RpcErrors::invalidVersion);
            Credential caller = authenticate(request.method(), params);
            if (!target.actions().contains(action)) {
                throw RpcErrors.actionNotFound();
            }
            Optional<RpcException> denied =
                    authorizer.check(caller, target.api().ramNamespace() + ":" + action, params);
            if (denied.isPresent()) {
                throw denied.get();
            }
            ObjectNode result = target.invoke(new RpcCall(action, params, caller, requestId, clock.instant()));
            ObjectNode body = withRequestId(requestId, result);
            return respond(200, requestId, xml, action + "Response", body);
        } catch (RpcException e) {
            return error(e, request, service, requestId, xml);
        } catch (RuntimeException e) {
            // A fault of the emulator itself: the client gets InternalError, the log the cause (no credentials in it).
            LOG.log(System.Logger.Level.ERROR, "RPC request " + requestId + " failed", e);
            return error(RpcErrors.internal(), request, service, requestId, xml);
        }
    }

    private RpcResponse error(
            RpcException e, RpcRequest request, Optional<RpcService> service, String requestId, boolean xml) {
        String host =
                service.map(s -> s.api().host()).orElse(request.header("host").orElse("127.0.0.1"));
        return respond(
                e.status(),
                requestId,
                xml,
                "Error",
                errorBody(
                        e, requestId, host, service.map(s -> s.api().product()).orElse("")));
    }

    /** The gateway's error document: RequestId, HostId, Code, Message and the troubleshooting link. */
    private static ObjectNode errorBody(RpcException e, String requestId, String host, String product) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("RequestId", requestId);
        error.put("HostId", host);
        error.put("Code", e.code());
        error.put("Message", e.getMessage());
        error.put("Recommend", "https://api.aliyun.com/troubleshoot?q=" + e.code() + "&product=" + product);
        return error;
    }

    private static ObjectNode withRequestId(String requestId, ObjectNode result) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("RequestId", requestId);
        body.setAll(result);
        return body;
    }

    private RpcResponse respond(int status, String requestId, boolean xml, String root, ObjectNode body) {
        byte[] bytes = xml ? renderer.xml(root, body) : renderer.json(body);
        return new RpcResponse(
                status, xml ? RpcRenderer.XML : RpcRenderer.JSON, bytes, Map.of("x-acs-request-id", requestId));
    }

    private Credential authenticate(String method, Params params) {
        String accessKeyId = params.required("AccessKeyId");
        String signature = params.required("Signature");
        if (!"HMAC-SHA1".equals(params.required("SignatureMethod"))) {
            throw RpcErrors.signatureMethod();
        }
        if (!"1.0".equals(params.required("SignatureVersion"))) {
            throw RpcErrors.signatureVersion();
        }
        String nonce = params.required("SignatureNonce");
        checkTimestamp(params.required("Timestamp"));
        Credential credential = credentials.find(accessKeyId).orElseThrow(RpcErrors::accessKeyNotFound);
        String stringToSign = RpcSignature.stringToSign(method, params.asMap());
        if (!RpcSignature.matches(RpcSignature.sign(stringToSign, credential.secret()), signature)) {
            throw RpcErrors.signatureDoesNotMatch(stringToSign);
        }
        Optional<CredentialRefusal> refusal =
                credential.refusal(params.optional("SecurityToken").orElse(null), clock.instant());
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case INACTIVE -> RpcErrors.accessKeyInactive();
                case SECURITY_TOKEN_MISSING -> RpcErrors.securityTokenMissing();
                case SECURITY_TOKEN_MISMATCH -> RpcErrors.securityTokenMismatch();
                case EXPIRED -> RpcErrors.securityTokenExpired();
            };
        }
        // Checked last so that requests with a bad signature cannot use up someone's nonce.
        if (!nonces.firstUse(accessKeyId, nonce)) {
            throw RpcErrors.nonceUsed();
        }
        return credential;
    }

    private void checkTimestamp(String timestamp) {
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw RpcErrors.timestampFormat();
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw RpcErrors.timestampExpired();
        }
    }
}
