package dev.ossops.cloud.cdn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@link CdnGateway} reads and writes, free of SDK types. */
public final class CdnModel {

    private CdnModel() {}

    /** An origin: type {@code oss}, {@code domain} or {@code ipaddr}; port and priority as the service reports them. */
    public record Source(String type, String content, Optional<Integer> port, Optional<String> priority) {}

    /** DescribeCdnDomainDetail: the business type ({@code web}, {@code download}, {@code video}), status and origins. */
    public record Domain(String name, String cdnType, String status, List<Source> sources) {
        public Domain {
            sources = List.copyOf(sources);
        }
    }

    /** One domain configuration: its function, id and arguments in the order the service returned them. */
    public record Config(String functionName, String configId, Map<String, String> args) {
        public Config {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    /**
     * A configuration to set: {@code configId} names the one to replace (empty adds one, or for single-instance
     * functions replaces the existing one); {@code args} are sent in their iteration order.
     */
    public record FunctionSetting(String functionName, Optional<String> configId, Map<String, String> args) {
        public FunctionSetting {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    /** DescribeDomainCertificateInfo: {@code serverCertificateStatus} {@code on}/{@code off}, type free/cas/upload. */
    public record Certificate(String serverCertificateStatus, Optional<String> certType) {}
}
