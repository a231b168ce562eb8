package dev.ossops.spec.model;

import java.util.List;
import java.util.Optional;

/** An OSS CORS configuration. */
public record CorsConfiguration(List<Rule> rules, Optional<Boolean> responseVary) {

    public CorsConfiguration {
        rules = List.copyOf(rules);
    }

    /** One CORS rule; lists as OSS stores them. */
    public record Rule(
            List<String> allowedOrigins,
            List<String> allowedMethods,
            List<String> allowedHeaders,
            List<String> exposeHeaders,
            Optional<Long> maxAgeSeconds) {
        public Rule {
            allowedOrigins = List.copyOf(allowedOrigins);
            allowedMethods = List.copyOf(allowedMethods);
            allowedHeaders = List.copyOf(allowedHeaders);
            exposeHeaders = List.copyOf(exposeHeaders);
        }
    }
}
