package dev.ossops.emulator.http;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.service.LoggingService;

/** {@code PUT ?logging}: checked against the existing buckets before the generic configuration path stores it. */
public final class LoggingRoutes {
    private final LoggingService logging;

    public LoggingRoutes(LoggingService logging) {
        this.logging = logging;
    }

    Reply put(OssRequest r, Caller caller) {
        logging.put(caller, r.requireBucket(), () -> r.document(DocumentLimits.SETTINGS));
        return Reply.empty(200);
    }
}
