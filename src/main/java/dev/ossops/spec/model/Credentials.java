package dev.ossops.spec.model;

import java.util.Optional;

/** A named credential source; the secrets themselves are read at run time by the cloud layer. */
public record Credentials(Source source, Optional<String> profile, Optional<String> roleName) {

    /** Where credentials come from. */
    public enum Source {
        ENV("env"),
        ALIYUN_CLI("aliyun-cli"),
        ECS_RAM_ROLE("ecs-ram-role");

        private final String value;

        Source(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        public static Source of(String value) {
            for (Source source : values()) {
                if (source.value.equals(value)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("unknown credential source " + value);
        }
    }
}
