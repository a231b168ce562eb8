package dev.ossops.emulator.http;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.net.Bandwidth;
import dev.ossops.emulator.net.TrafficShaper;

/**
 * OSS's single-connection bandwidth throttling: {@code x-oss-traffic-limit} in bit/s, as a header
 * or (in presigned URLs) a query parameter, on PutObject, AppendObject, UploadPart, CopyObject and
 * GetObject. Valid values are 819200 to 838860800 (100 KB/s to 100 MB/s); anything else, or the
 * limit given both ways, is InvalidArgument (OSS's pages 0004-00000502 and 0004-00000501).
 */
final class TrafficLimit {
    static final String NAME = "x-oss-traffic-limit";
    static final long MIN_BITS_PER_SECOND = 819_200;
    static final long MAX_BITS_PER_SECOND = 838_860_800;

    private TrafficLimit() {}

    /** The bandwidth {@code r} asks for, {@link Bandwidth#UNLIMITED} when it sets no limit. */
    static Bandwidth of(OssRequest r, TrafficShaper shaper) {
        String header = r.headerOrNull(NAME);
        String param = r.param(NAME);
        if (header != null && param != null) {
            throw new OssException(OssError.TRAFFIC_LIMIT_TWICE);
        }
        String value = header != null ? header : param;
        if (value == null) {
            return Bandwidth.UNLIMITED;
        }
        String trimmed = value.trim();
        if (!trimmed.matches("\\d{1,10}")) {
            throw new OssException(OssError.INVALID_TRAFFIC_LIMIT);
        }
        long bits = Long.parseLong(trimmed);
        if (bits < MIN_BITS_PER_SECOND || bits > MAX_BITS_PER_SECOND) {
            throw new OssException(OssError.INVALID_TRAFFIC_LIMIT);
        }
        return shaper.perRequest(bits);
    }
}
