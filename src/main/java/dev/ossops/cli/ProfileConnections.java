package dev.ossops.cli;

import dev.ossops.cloud.credentials.AliyunCliCredentialSource;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.credentials.CredentialsException;
import dev.ossops.cloud.credentials.EcsRamRoleCredentialSource;
import dev.ossops.cloud.credentials.EnvCredentialSource;
import dev.ossops.spec.model.Profile;
import org.jspecify.annotations.Nullable;

import java.nio.file.Files;
import java.util.Map;

/**
 * How a profile reaches its services, shared by the plan/apply/audit session and the uploader's:
 * the credential source the profile names ({@code endpoint: embedded} is {@link EmbeddedEmulator}).
 */
final class ProfileConnections {
    private ProfileConnections() {}

    /** The source the profile's {@code credentials:} names; {@code environment} is read for source env. */
    static CredentialSource credentials(Profile profile, Map<String, String> environment) {
        dev.ossops.spec.model.Credentials c = profile.credentials();
        return switch (c.source()) {
            case ENV -> new EnvCredentialSource(environment);
            case ALIYUN_CLI -> aliyunCli(environment, c.profile().orElse(null));
            case ECS_RAM_ROLE ->
                new EcsRamRoleCredentialSource(
                        EcsRamRoleCredentialSource.METADATA_SERVICE,
                        c.roleName().orElse(null));
        };
    }

    /** A profile of the aliyun CLI's config file ({@code null}: its current profile); mode EcsRamRole reads the metadata service. */
    static AliyunCliCredentialSource aliyunCli(Map<String, String> environment, @Nullable String profileName) {
        return new AliyunCliCredentialSource(
                AliyunCliCredentialSource.defaultConfigFile(environment),
                profileName,
                role -> new EcsRamRoleCredentialSource(EcsRamRoleCredentialSource.METADATA_SERVICE, role));
    }

    /**
     * The default chain of a command run without a profile: the environment's AccessKey variables when any is set,
     * else the aliyun CLI's current profile when its config file exists.
     */
    static CredentialSource defaultChain(Map<String, String> environment) {
        EnvCredentialSource env = new EnvCredentialSource(environment);
        AliyunCliCredentialSource cli = aliyunCli(environment, null);
        return new CredentialSource() {
            @Override
            public Credentials resolve() {
                if (env.isSet()) {
                    return env.resolve();
                }
                if (Files.exists(cli.configFile())) {
                    return cli.resolve();
                }
                throw new CredentialsException(
                        "no credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                                + "(or OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET), or run 'aliyun configure' ("
                                + cli.configFile()
                                + " does not exist), or pass -p PROFILE");
            }

            @Override
            public String describe() {
                return env.isSet() ? env.describe() : cli.describe() + " in " + cli.configFile();
            }
        };
    }
}
