package dev.ossops.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documents of the RAM system policies ossops knows (version v1, as Alibaba Cloud publishes them;
 * users cannot change system policies). The emulator serves them; access assertions evaluate
 * identities that attach them. A system policy not listed here has no known document.
 */
public final class SystemPolicyDocuments {
    /**
     * The service role Alibaba Cloud CDN assumes for back-to-origin requests to a private OSS bucket
     * ({@code l2_oss_key}, {@code private_oss_auth=on}), and the session name the edge uses.
     */
    public static final String CDN_ORIGIN_ROLE = "AliyunCDNAccessingPrivateOSSRole";

    public static final String CDN_ORIGIN_SESSION = "cdn-back-to-origin";
    /**
     * Its policy: read OSS objects. Modelled on the published AliyunDCDNAccessingPrivateOSSRolePolicy
     * ({@code oss:Get*} on {@code *}), whose CDN counterpart the RAM reference does not print.
     */
    public static final String CDN_ORIGIN_POLICY_NAME = "AliyunCDNAccessingPrivateOSSRolePolicy";

    public static final String CDN_ORIGIN_POLICY =
            "{\"Version\":\"1\",\"Statement\":[{\"Action\":[\"oss:Get*\"],\"Resource\":\"*\",\"Effect\":\"Allow\"}]}";

    private static final Map<String, String> DOCUMENTS = build();

    private SystemPolicyDocuments() {}

    /** The document of system policy {@code name}, if ossops knows it. */
    public static Optional<String> document(String name) {
        return Optional.ofNullable(DOCUMENTS.get(name));
    }

    /** Every known system policy and its document, in a stable order. */
    public static Map<String, String> all() {
        return DOCUMENTS;
    }

    private static Map<String, String> build() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                "AdministratorAccess",
                "{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"1\"}");
        out.put(
                "AliyunOSSFullAccess",
                "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"oss:*\",\"Resource\":\"*\",\"Effect\":\"Allow\"}]}");
        out.put(
                "AliyunOSSReadOnlyAccess",
                "{\"Version\":\"1\",\"Statement\":[{\"Action\":[\"oss:Get*\",\"oss:List*\"],\"Effect\":\"Allow\",\"Resource\":\"*\"}]}");
        out.put(
                "AliyunCDNFullAccess",
                "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"cdn:*\",\"Resource\":\"*\",\"Effect\":\"Allow\"}]}");
        out.put(
                "AliyunRAMFullAccess",
                "{\"Statement\":[{\"Action\":\"ram:*\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"1\"}");
        out.put(
                "AliyunSTSAssumeRoleAccess",
                "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"sts:AssumeRole\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}");
        return java.util.Collections.unmodifiableMap(out);
    }
}
