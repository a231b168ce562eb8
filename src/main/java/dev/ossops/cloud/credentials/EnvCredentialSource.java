package dev.ossops.cloud.credentials;

import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.stream.Stream;

/**
 * Credentials from the environment: {@code ALIBABA_CLOUD_ACCESS_KEY_ID} /
 * {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET} (+ {@code ALIBABA_CLOUD_SECURITY_TOKEN}), the names the
 * aliyun CLI and the Alibaba Cloud credentials SDKs use; then the OSS SDK's
 * {@code OSS_ACCESS_KEY_ID} / {@code OSS_ACCESS_KEY_SECRET} (+ {@code OSS_SESSION_TOKEN}).
 */
public final class EnvCredentialSource implements CredentialSource {
    private final Map<String, String> env;

    public EnvCredentialSource(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public Credentials resolve() {
        Credentials alibaba =
                pair("ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN");
        if (alibaba != null) {
            return alibaba;
        }
        Credentials oss = pair("OSS_ACCESS_KEY_ID", "OSS_ACCESS_KEY_SECRET", "OSS_SESSION_TOKEN");
        if (oss != null) {
            return oss;
        }
        throw new CredentialsException("no credentials in the environment: set ALIBABA_CLOUD_ACCESS_KEY_ID and "
                + "ALIBABA_CLOUD_ACCESS_KEY_SECRET (or OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET), "
                + "or use credentials source aliyun-cli or ecs-ram-role");
    }

    /** Whether any of the AccessKey variables is set, so the environment is meant to supply the credentials. */
    public boolean isSet() {
        return Stream.of(
                        "ALIBABA_CLOUD_ACCESS_KEY_ID",
                        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                        "OSS_ACCESS_KEY_ID",
                        "OSS_ACCESS_KEY_SECRET")
                .anyMatch(name -> value(name) != null);
    }

    private @Nullable Credentials pair(String idName, String secretName, String tokenName) {
        String id = value(idName);
        String secret = value(secretName);
        if (id == null && secret == null) {
            return null;
        }
        if (id == null || secret == null) {
            throw new CredentialsException((id == null ? idName : secretName) + " is not set but "
                    + (id == null ? secretName : idName) + " is: set both");
        }
        String token = value(tokenName);
        return token == null ? Credentials.of(id, secret) : Credentials.temporary(id, secret, token, null);
    }

    private @Nullable String value(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The variable the AccessKey id is read from, so an error about the key says which one to fix. */
    @Override
    public String describe() {
        return Stream.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "OSS_ACCESS_KEY_ID")
                .filter(name -> value(name) != null)
                .findFirst()
                .map(name -> "environment variable " + name)
                .orElse("environment variables");
    }
}
