package dev.ossops.cli;

import dev.ossops.cloud.credentials.AliyunCliCredentialSource;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.EcsRamRoleCredentialSource;
import dev.ossops.cloud.credentials.EnvCredentialSource;
import dev.ossops.spec.model.Profile;

import java.util.Map;

/**
 * How a profile reaches its services, shared by the plan/apply/audit session and the uploader's:
 * the credential source the profile names ({@code endpoint: embedded} is {@link EmbeddedEmulator}).
 */
final class ProfileConnections {
    private ProfileConnections() {
    }

    /** The source the profile's {@code credentials:} names; {@code environment} is read for source env. */
    static CredentialSource credentials(Profile profile, Map<String, String> environment) {
        dev.ossops.spec.model.Credentials c = profile.credentials();
        return switch (c.source()) {
            case ENV -> new EnvCredentialSource(environment);
            case ALIYUN_CLI -> new AliyunCliCredentialSource(AliyunCliCredentialSource.defaultConfigFile(), c.profile().orElse(null),
                    role -> new EcsRamRoleCredentialSource(EcsRamRoleCredentialSource.METADATA_SERVICE, role));
            case ECS_RAM_ROLE -> new EcsRamRoleCredentialSource(EcsRamRoleCredentialSource.METADATA_SERVICE, c.roleName().orElse(null));
        };
    }
}
