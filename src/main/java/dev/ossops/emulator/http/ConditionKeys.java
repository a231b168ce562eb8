package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy condition keys an OSS request carries, as the front sees them. The server binds
 * 127.0.0.1 only, so the client address is always that loopback address; the emulator speaks
 * plain HTTP, so {@code acs:SecureTransport} is false. {@code acs:CurrentTime} is added at
 * evaluation time.
 */
final class ConditionKeys {
    /** The only address the server accepts connections on (EmulatorConfig.BIND_ADDRESS). */
    private static final String LOOPBACK = "127.0.0.1";

    private ConditionKeys() {}

    static Map<String, List<String>> of(OssRequest request) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("acs:SourceIp", List.of(LOOPBACK));
        keys.put("acs:SecureTransport", List.of("false"));
        put(keys, "acs:UserAgent", request.headerOrNull("user-agent"));
        put(keys, "acs:Referer", request.headerOrNull("referer"));
        if (request.bucket() != null && request.key() == null) {
            // Listings: OSS documents oss:Prefix and oss:Delimiter for ListObjects (and V2, ListObjectVersions).
            put(keys, "oss:Prefix", request.param("prefix"));
            put(keys, "oss:Delimiter", request.param("delimiter"));
        }
        return keys;
    }

    private static void put(Map<String, List<String>> keys, String key, @Nullable String value) {
        if (value != null) {
            keys.put(key, List.of(value));
        }
    }
}
