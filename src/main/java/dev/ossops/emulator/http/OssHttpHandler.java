package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;

import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/**
 * The one OSS entry point: parses, authenticates, routes, and renders what the routes return or
 * throw. This is the only place an {@link OssException} is caught; every response carries
 * {@code x-oss-request-id}.
 */
public final class OssHttpHandler implements Function<IncomingRequest, Reply> {
    private static final System.Logger LOG = System.getLogger(OssHttpHandler.class.getName());

    private final Authenticator authenticator;
    private final Router router;
    private final Set<String> virtualHostSuffixes;
    private final RequestIds ids;
    private final Clock clock;

    public OssHttpHandler(Authenticator authenticator, Router router, Set<String> virtualHostSuffixes, Clock clock) {
        this.authenticator = authenticator;
        this.router = router;
        this.virtualHostSuffixes = Set.copyOf(virtualHostSuffixes);
        this.ids = new RequestIds(clock);
        this.clock = clock;
    }

    @Override
    public Reply apply(IncomingRequest incoming) {
        String requestId = ids.next();
        boolean head = "HEAD".equalsIgnoreCase(incoming.method());
        String host = incoming.header("Host");
        String hostId = host == null ? "127.0.0.1" : host.replaceFirst(":\\d+$", "");
        Reply reply;
        try {
            OssRequest request = OssRequest.from(incoming, virtualHostSuffixes);
            Caller caller = authenticator.authenticate(request);
            reply = router.route(request, caller);
        } catch (OssException e) {
            reply = ErrorReplies.render(e, requestId, hostId, head);
        } catch (RuntimeException e) {
            // The emulator's own messages never carry credentials; the path without the query is safe to log.
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " " + incoming.method() + " " + incoming.rawPath()
                    + " failed", e);
            reply = ErrorReplies.render(new OssException(OssError.INTERNAL_ERROR), requestId, hostId, head);
        }
        return reply.header("Server", "AliyunOSS")
                .header("Date", Formats.httpDate(clock.millis()))
                .header("x-oss-request-id", requestId);
    }
}
