package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.RpcHandler;
import dev.ossops.emulator.rpc.RpcRequest;
import dev.ossops.emulator.rpc.RpcResponse;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one entry point of the shared port. Requests naming an RPC {@code Action} and
 * {@code Version} (in the query, or in a url-encoded POST form as the POP SDKs send them) go to
 * the RAM/STS/CDN front; everything else is OSS: parsed, authenticated, routed, and what the
 * routes return or throw rendered. This is the only place an {@link OssException} is caught;
 * every OSS response carries {@code x-oss-request-id}.
 */
public final class OssHttpHandler implements Function<IncomingRequest, Reply> {
    private static final System.Logger LOG = System.getLogger(OssHttpHandler.class.getName());
    /** POP requests are small; a larger url-encoded body is refused rather than buffered. */
    private static final int MAX_FORM_BYTES = 1024 * 1024;

    private final Authenticator authenticator;
    private final Router router;
    private final RpcHandler rpc;
    private final Set<String> virtualHostSuffixes;
    private final RequestIds ids;
    private final Clock clock;

    public OssHttpHandler(
            Authenticator authenticator, Router router, RpcHandler rpc, Set<String> virtualHostSuffixes, Clock clock) {
        this.authenticator = authenticator;
        this.router = router;
        this.rpc = rpc;
        this.virtualHostSuffixes = Set.copyOf(virtualHostSuffixes);
        this.ids = new RequestIds(clock);
        this.clock = clock;
    }

    @Override
    public Reply apply(IncomingRequest incoming) {
        if (namesRpcAction(incoming.rawQuery())) {
            return rpc(incoming, new byte[0]);
        }
        if (isForm(incoming)) {
            byte[] form;
            try {
                form = readForm(incoming);
            } catch (UncheckedIOException e) {
                return oss(
                        incoming,
                        RequestBodyException.causing(e)
                                .map(RequestBodyException::answer)
                                .orElseThrow(() -> e));
            }
            if (form.length > MAX_FORM_BYTES) {
                return oss(incoming, new OssException(OssError.ENTITY_TOO_LARGE));
            }
            if (namesRpcAction(new String(form, StandardCharsets.US_ASCII))) {
                return rpc(incoming, form);
            }
        }
        return oss(incoming, null);
    }

    /**
     * Whether url-encoded parameters include {@code Action} and {@code Version}. Only the raw
     * names are looked at (they need no escaping), so a malformed OSS query is left for the OSS
     * parser to refuse.
     */
    static boolean namesRpcAction(@Nullable String encoded) {
        if (encoded == null) {
            return false;
        }
        Set<String> names = new HashSet<>();
        for (String pair : encoded.split("&", -1)) {
            int eq = pair.indexOf('=');
            names.add(eq < 0 ? pair : pair.substring(0, eq));
        }
        return names.contains("Action") && names.contains("Version");
    }

    private Reply rpc(IncomingRequest incoming, byte[] form) {
        Map<String, String> headers = new LinkedHashMap<>();
        incoming.headers().forEach(h -> headers.putIfAbsent(h.getKey(), h.getValue()));
        RpcRequest request;
        try {
            request = RpcRequest.fromHttp(incoming.method(), incoming.rawQuery(), headers, form);
        } catch (IllegalArgumentException e) {
            // A percent escape that does not decode: nothing to dispatch, answered like any malformed request.
            return oss(
                    incoming, new OssException(OssError.INVALID_ARGUMENT, "The request's URL encoding is malformed."));
        }
        RpcResponse response = rpc.handle(request);
        Reply reply = Reply.bytes(response.status(), response.contentType(), response.body());
        response.headers().forEach(reply::header);
        return reply.header("Date", Formats.httpDate(clock.millis()));
    }

    /** A url-encoded POST is never an OSS request (PostObject is multipart), so it may carry an RPC form. */
    static boolean isForm(IncomingRequest incoming) {
        String type = incoming.header("Content-Type");
        return "POST".equalsIgnoreCase(incoming.method())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static byte[] readForm(IncomingRequest incoming) {
        try {
            return incoming.body().readNBytes(MAX_FORM_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read request body", e);
        }
    }

    /**
     * {@code x-oss-request-payer: requester}, as a header or, in presigned URLs, a query parameter
     * (troubleshooting pages 0003-00000701/702): the caller accepts a pay-by-requester bucket's charges.
     */
    private static boolean acceptsRequesterCharges(OssRequest request) {
        String payer = request.headerOrNull("x-oss-request-payer");
        return "requester".equalsIgnoreCase(payer != null ? payer : request.param("x-oss-request-payer"));
    }

    /** Serves an OSS request; {@code early} is an error found before routing, answered in OSS's shape. */
    private Reply oss(IncomingRequest incoming, @Nullable OssException early) {
        String requestId = ids.next();
        boolean head = "HEAD".equalsIgnoreCase(incoming.method());
        String host = incoming.header("Host");
        String hostId = host == null ? "127.0.0.1" : host.replaceFirst(":\\d+$", "");
        Reply reply;
        try {
            if (early != null) {
                throw early;
            }
            OssRequest request = OssRequest.from(incoming, virtualHostSuffixes);
            // Checked against the Options API reference: a preflight is answered from the bucket's CORS rules alone. A
            // browser sends it without credentials, and a presigned URL's query signs the actual method, never OPTIONS.
            Caller caller = request.method().equals("OPTIONS")
                    ? Caller.anonymous()
                    : authenticator
                            .authenticate(request)
                            .withConditionKeys(ConditionKeys.of(request))
                            .withRequesterPays(acceptsRequesterCharges(request));
            reply = router.route(request, caller);
        } catch (OssException e) {
            reply = ErrorReplies.render(e, requestId, hostId, head);
        } catch (RuntimeException e) {
            reply = ErrorReplies.render(unexpected(e, requestId, incoming), requestId, hostId, head);
        }
        return reply.header("Server", "AliyunOSS")
                .header("Date", Formats.httpDate(clock.millis()))
                .header("x-oss-request-id", requestId);
    }

    /**
     * A request body that failed (cut short, stalled, malformed) is the client's error and worth
     * one line at most; anything else is the emulator's, logged with its stack trace.
     */
    private static OssException unexpected(RuntimeException e, String requestId, IncomingRequest incoming) {
        Optional<RequestBodyException> body = RequestBodyException.causing(e);
        if (body.isPresent()) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "request " + requestId + ": " + body.get().getMessage());
            return body.get().answer();
        }
        // The emulator's own messages never carry credentials; the path without the query is safe to log.
        LOG.log(
                System.Logger.Level.ERROR,
                "request " + requestId + " " + incoming.method() + " " + incoming.rawPath() + " failed",
                e);
        return new OssException(OssError.INTERNAL_ERROR);
    }
}
