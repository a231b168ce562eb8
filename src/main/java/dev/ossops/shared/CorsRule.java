package dev.ossops.shared;

import java.util.List;
import java.util.Optional;

/**
 * One OSS {@code CORSRule}, as the profile model, the cloud gateway and the emulator all hold it: the five elements of
 * PutBucketCors, lists in the order OSS stores them. Data only; the emulator matches requests against it.
 */
public record CorsRule(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposeHeaders,
        Optional<Long> maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }
}
