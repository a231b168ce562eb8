package dev.ossops.spec;

import java.util.List;

/** RAM system policies a profile may attach without defining them. */
public final class SystemPolicies {

    public static final List<String> NAMES = List.of(
            "AdministratorAccess",
            "ReadOnlyAccess",
            "AliyunOSSFullAccess",
            "AliyunOSSReadOnlyAccess",
            "AliyunCDNFullAccess",
            "AliyunCDNReadOnlyAccess",
            "AliyunRAMFullAccess",
            "AliyunRAMReadOnlyAccess",
            "AliyunSTSAssumeRoleAccess",
            "AliyunECSFullAccess",
            "AliyunECSReadOnlyAccess",
            "AliyunKMSFullAccess",
            "AliyunKMSReadOnlyAccess",
            "AliyunLogFullAccess",
            "AliyunLogReadOnlyAccess");

    private SystemPolicies() {}
}
