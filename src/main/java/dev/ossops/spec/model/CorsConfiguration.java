package dev.ossops.spec.model;

import dev.ossops.shared.CorsRule;

import java.util.List;
import java.util.Optional;

/** An OSS CORS configuration. */
public record CorsConfiguration(List<CorsRule> rules, Optional<Boolean> responseVary) {

    public CorsConfiguration {
        rules = List.copyOf(rules);
    }
}
