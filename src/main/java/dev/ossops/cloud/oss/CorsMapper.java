package dev.ossops.cloud.oss;

import com.aliyun.oss.model.CORSConfiguration;
import com.aliyun.oss.model.SetBucketCORSRequest;
import dev.ossops.shared.CorsRule;
import dev.ossops.spec.model.CorsConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CORS configurations between the SDK and the spec model. */
final class CorsMapper {
    private CorsMapper() {}

    static SetBucketCORSRequest toSdk(String bucket, CorsConfiguration cors) {
        SetBucketCORSRequest request = new SetBucketCORSRequest(bucket);
        for (CorsRule rule : cors.rules()) {
            SetBucketCORSRequest.CORSRule r = new SetBucketCORSRequest.CORSRule();
            r.setAllowedOrigins(new ArrayList<>(rule.allowedOrigins()));
            r.setAllowedMethods(new ArrayList<>(rule.allowedMethods()));
            r.setAllowedHeaders(new ArrayList<>(rule.allowedHeaders()));
            r.setExposeHeaders(new ArrayList<>(rule.exposeHeaders()));
            rule.maxAgeSeconds().ifPresent(s -> r.setMaxAgeSeconds(Math.toIntExact(s)));
            request.addCorsRule(r);
        }
        cors.responseVary().ifPresent(request::setResponseVary);
        return request;
    }

    static CorsConfiguration fromSdk(CORSConfiguration cors) {
        List<CorsRule> rules = new ArrayList<>();
        for (SetBucketCORSRequest.CORSRule r : cors.getCorsRules()) {
            rules.add(new CorsRule(
                    list(r.getAllowedOrigins()),
                    list(r.getAllowedMethods()),
                    list(r.getAllowedHeaders()),
                    list(r.getExposeHeaders()),
                    Optional.ofNullable(r.getMaxAgeSeconds()).map(Integer::longValue)));
        }
        return new CorsConfiguration(rules, Optional.ofNullable(cors.getResponseVary()));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
