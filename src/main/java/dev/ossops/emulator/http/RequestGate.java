package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The first look at every request, before the control endpoint, DashScope's endpoint, fault
 * injection or any body is read. It keeps web pages from driving the emulator:
 * <ul>
 *   <li>a Host the emulator does not answer to ({@link HostAdmission}) is refused, which defeats DNS
 *       rebinding (a page whose own name now resolves to 127.0.0.1). A request without Host names
 *       nothing to rebind and passes (HTTP/1.1 requires the header; that is the HTTP server's concern);</li>
 *   <li>a browser request from another site (an {@code Origin} that is neither allowed nor this
 *       emulator's own loopback origin, or {@code Sec-Fetch-Site: cross-site/same-site} without one)
 *       may not reach the RAM, STS and CDN RPC actions or the control endpoint, not even as a form
 *       post that needs no CORS preflight. OSS requests, browser PostObject included, go on to the
 *       bucket's CORS rules as on OSS.</li>
 * </ul>
 */
public final class RequestGate implements Function<IncomingRequest, Reply> {
    private final HostAdmission hosts;
    private final Set<String> allowedOrigins;
    private final Set<String> virtualHostSuffixes;
    private final Function<IncomingRequest, Reply> next;
    private final RequestIds ids;
    private final Clock clock;

    /**
     * @param allowedOrigins      lower-case origins ({@code scheme://host[:port]}) whose pages may call everything
     * @param virtualHostSuffixes as for {@link OssHttpHandler}, to find the control endpoint's bucket
     * @param next                everything behind the gate
     */
    public RequestGate(
            HostAdmission hosts,
            Set<String> allowedOrigins,
            Set<String> virtualHostSuffixes,
            Function<IncomingRequest, Reply> next,
            Clock clock) {
        this.hosts = hosts;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.virtualHostSuffixes = Set.copyOf(virtualHostSuffixes);
        this.next = next;
        this.ids = new RequestIds(clock);
        this.clock = clock;
    }

    @Override
    public Reply apply(IncomingRequest incoming) {
        String host = incoming.header("Host");
        if (host != null && HostNames.nameOf(host).filter(hosts::admits).isEmpty()) {
            return refuse(incoming, OssError.HOST_NOT_ALLOWED);
        }
        if (fromAnotherSite(incoming, host) && reachesRpcOrControl(incoming)) {
            return refuse(incoming, OssError.CROSS_SITE_REFUSED);
        }
        return next.apply(incoming);
    }

    private boolean fromAnotherSite(IncomingRequest incoming, @Nullable String host) {
        String origin = incoming.header("Origin");
        if (origin != null) {
            String normalized = origin.trim().toLowerCase(Locale.ROOT);
            return !allowedOrigins.contains(normalized) && !isOwnLoopbackOrigin(normalized, host);
        }
        // Browsers send no Origin on a plain GET (an image, a link), but they do send Fetch Metadata.
        String site = incoming.header("Sec-Fetch-Site");
        return site != null
                && (site.trim().equalsIgnoreCase("cross-site") || site.trim().equalsIgnoreCase("same-site"));
    }

    /** A page this emulator served itself, under a loopback name: scheme http and the very host and port requested. */
    private static boolean isOwnLoopbackOrigin(String origin, @Nullable String host) {
        return host != null
                && HostNames.nameOf(host).filter(HostNames::isLoopback).isPresent()
                && origin.equals("http://" + host.trim().toLowerCase(Locale.ROOT));
    }

    /** Whether the request is for the control endpoint or names an RPC action; decided without reading the body. */
    private boolean reachesRpcOrControl(IncomingRequest incoming) {
        if (OssHttpHandler.namesRpcAction(incoming.rawQuery()) || OssHttpHandler.isForm(incoming)) {
            // A url-encoded POST is never OSS (PostObject is multipart), so it is RPC or nothing.
            return true;
        }
        return FaultControlRoutes.CONTROL_BUCKET.equals(
                OssRequest.from(incoming, virtualHostSuffixes).bucket());
    }

    private Reply refuse(IncomingRequest incoming, OssError error) {
        String requestId = ids.next();
        // The HostId is the emulator's own name, never the Host the request claimed.
        return ErrorReplies.render(
                        new OssException(error), requestId, "127.0.0.1", "HEAD".equalsIgnoreCase(incoming.method()))
                .header("Server", "AliyunOSS")
                .header("Date", Formats.httpDate(clock.millis()))
                .header("x-oss-request-id", requestId);
    }
}
