package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.fault.FaultDecision;
import dev.ossops.emulator.fault.Faults;
import dev.ossops.emulator.fault.RequestStats;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * In front of the OSS handler: serves the control endpoint, counts requests per API and parts
 * received, and applies the fault plan (latency, then SlowDown, InternalError or a reset). With
 * the default plan it only counts.
 */
public final class FaultingHandler implements Function<IncomingRequest, Reply> {
    /** How much of a body of unknown length (chunked) is read before an injected reset. */
    private static final int CHUNKED_RESET_BYTES = 8 * 1024;

    private static final System.Logger LOG = System.getLogger(FaultingHandler.class.getName());

    private final Function<IncomingRequest, Reply> oss;
    private final Function<OssRequest, String> apiNames;
    private final Faults faults;
    private final RequestStats stats;
    private final FaultControlRoutes control;
    private final Set<String> virtualHostSuffixes;
    private final RequestIds ids;
    private final Clock clock;

    /**
     * @param apiNames      the API a request is routed to, as the counters name it ({@link Router#apiName})
     * @param authenticator verifies control endpoint requests, which must be signed with {@code rootKeyId}
     */
    public FaultingHandler(
            Function<IncomingRequest, Reply> oss,
            Function<OssRequest, String> apiNames,
            Faults faults,
            RequestStats stats,
            Set<String> virtualHostSuffixes,
            Authenticator authenticator,
            String rootKeyId,
            Clock clock) {
        this.oss = oss;
        this.apiNames = apiNames;
        this.faults = faults;
        this.stats = stats;
        this.control = new FaultControlRoutes(faults, stats, authenticator, rootKeyId);
        this.virtualHostSuffixes = Set.copyOf(virtualHostSuffixes);
        this.ids = new RequestIds(clock);
        this.clock = clock;
    }

    @Override
    public Reply apply(IncomingRequest incoming) {
        OssRequest request = OssRequest.from(incoming, virtualHostSuffixes);
        if (FaultControlRoutes.CONTROL_BUCKET.equals(request.bucket())) {
            return control.handle(request);
        }
        count(request);
        FaultDecision decision = faults.next();
        if (decision.latencyMillis() > 0) {
            try {
                Thread.sleep(decision.latencyMillis());
            } catch (InterruptedException e) {
                // The server is closing: keep the flag for the worker and answer without serving.
                Thread.currentThread().interrupt();
                return error(incoming, OssError.INTERNAL_ERROR);
            }
        }
        return switch (decision.outcome()) {
            case PASS -> oss.apply(incoming);
            case SLOW_DOWN -> error(incoming, OssError.SLOW_DOWN);
            case INTERNAL_ERROR -> error(incoming, OssError.INTERNAL_ERROR);
            case RESET -> reset(incoming);
        };
    }

    private void count(OssRequest request) {
        String api = apiNames.apply(request);
        stats.request(api);
        String partNumber = request.param("partNumber");
        // Both APIs are selected by ?uploadId, so it is there whenever the name is one of them.
        String uploadId = request.param("uploadId");
        if ((api.equals("UploadPart") || api.equals("UploadPartCopy"))
                && uploadId != null
                && partNumber != null
                && partNumber.matches("\\d{1,5}")) {
            stats.part(uploadId, Integer.parseInt(partNumber));
        }
    }

    /**
     * Cuts the request body half-way when there is one, otherwise the response body half-way (the
     * request is served first), or resets before answering when neither has a body.
     */
    private Reply reset(IncomingRequest incoming) {
        long requestBody = requestBodyLength(incoming);
        if (requestBody != 0) {
            long toRead = requestBody < 0 ? CHUNKED_RESET_BYTES : requestBody / 2;
            try {
                InputStream body = incoming.body();
                byte[] buffer = new byte[64 * 1024];
                for (long read = 0; read < toRead; ) {
                    int n = body.read(buffer, 0, (int) Math.min(buffer.length, toRead - read));
                    if (n < 0) {
                        break;
                    }
                    read += n;
                }
            } catch (IOException e) {
                // The client went away first; the reset below ends the exchange either way.
                LOG.log(System.Logger.Level.DEBUG, "request body failed before the injected reset: " + e.getMessage());
            }
            return Reply.connectionReset();
        }
        Reply reply = oss.apply(incoming);
        if (reply.length() == 0 || "HEAD".equalsIgnoreCase(incoming.method())) {
            // Nothing to cut part-way: the client gets a reset instead of any answer.
            return Reply.connectionReset();
        }
        return reply.resetAfter(reply.length() / 2);
    }

    /** Content-Length, -1 for chunked, 0 without a body. */
    private static long requestBodyLength(IncomingRequest incoming) {
        String transfer = incoming.header("Transfer-Encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            return -1;
        }
        String length = incoming.header("Content-Length");
        return length == null || !length.trim().matches("\\d{1,18}") ? 0 : Long.parseLong(length.trim());
    }

    private Reply error(IncomingRequest incoming, OssError error) {
        String requestId = ids.next();
        String host = incoming.header("Host");
        String hostId = host == null ? "127.0.0.1" : host.replaceFirst(":\\d+$", "");
        return ErrorReplies.render(
                        new OssException(error), requestId, hostId, "HEAD".equalsIgnoreCase(incoming.method()))
                .header("Server", "AliyunOSS")
                .header("Date", Formats.httpDate(clock.millis()))
                .header("x-oss-request-id", requestId);
    }
}
