package dev.ossops.emulator.ram;

import dev.ossops.policy.SystemPolicyDocuments;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The system policies the emulator knows, with the documents ({@link SystemPolicyDocuments}) and
 * descriptions Alibaba Cloud publishes for them (version v1; system policies cannot be changed or deleted by users).
 */
final class SystemPolicies {
    /** The date the service reports for system policies: fixed, they predate every account. */
    static final String CREATE_DATE = "2015-04-28T16:12:28Z";

    private static final Map<String, RamPolicy> POLICIES = build();

    private SystemPolicies() {}

    static Optional<RamPolicy> find(String name) {
        return Optional.ofNullable(POLICIES.get(name));
    }

    static Iterable<RamPolicy> all() {
        return POLICIES.values();
    }

    private static Map<String, RamPolicy> build() {
        Map<String, String> descriptions = Map.of(
                "AdministratorAccess", "管理所有阿里云资源的权限",
                "AliyunOSSFullAccess", "管理对象存储服务（OSS）权限",
                "AliyunOSSReadOnlyAccess", "只读访问对象存储服务（OSS）的权限",
                "AliyunCDNFullAccess", "管理CDN的权限",
                "AliyunRAMFullAccess", "管理访问控制（RAM）的权限，即管理用户以及授权的权限",
                "AliyunSTSAssumeRoleAccess", "调用STS服务AssumeRole接口的权限");
        Map<String, RamPolicy> out = new LinkedHashMap<>();
        SystemPolicyDocuments.all().forEach((name, document) -> add(out, name, descriptions.get(name), document));
        return Collections.unmodifiableMap(out);
    }

    private static void add(Map<String, RamPolicy> out, String name, @Nullable String description, String document) {
        out.put(name, RamPolicy.system(name, description, document, CREATE_DATE));
    }
}
