package dev.ossops.cloud;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.SignVersion;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;

import java.net.URI;

/** Builds official OSS SDK clients for a {@link CloudTarget}. */
public final class OssClients {
    private OssClients() {}

    /**
     * A client for buckets in {@code bucketRegion}. V4 signing by default (what OSS recommends);
     * SDK retries off, because {@link Retry} is the one retry layer; path-style addressing when an
     * endpoint override (the emulator) is in use; the SDK's own CRC-64 check on.
     */
    public static OSS create(CloudTarget target, String bucketRegion, SignVersion signVersion, int maxConnections) {
        return create(target, bucketRegion, signVersion, maxConnections, true);
    }

    /**
     * As {@link #create(CloudTarget, String, SignVersion, int)}; {@code sdkCrcCheck} false for a
     * caller that checks CRC-64 itself, so bodies are not hashed twice (the SDK's CRC-64 is
     * byte-at-a-time and was the largest client-side cost of an upload).
     */
    public static OSS create(
            CloudTarget target, String bucketRegion, SignVersion signVersion, int maxConnections, boolean sdkCrcCheck) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(signVersion);
        conf.setMaxErrorRetry(0);
        conf.setMaxConnections(maxConnections);
        conf.setConnectionTimeout(10_000);
        conf.setSocketTimeout(60_000);
        conf.setCrcCheckEnabled(sdkCrcCheck);
        if (target.endpoint().isPresent()) {
            conf.setSLDEnabled(true);
        }
        URI endpoint = target.ossEndpoint(bucketRegion);
        return OSSClientBuilder.create()
                .endpoint(endpoint.toString())
                .credentialsProvider(provider(target.credentials()))
                .clientConfiguration(conf)
                .region(bucketRegion)
                .build();
    }

    /** Bridges a credential source to the SDK, resolving on every request so refreshed tokens are used. */
    static CredentialsProvider provider(CredentialSource source) {
        return new CredentialsProvider() {
            @Override
            public void setCredentials(com.aliyun.oss.common.auth.Credentials creds) {
                throw new UnsupportedOperationException("credentials come from " + source.describe());
            }

            @Override
            public com.aliyun.oss.common.auth.Credentials getCredentials() {
                Credentials c = source.resolve();
                return c.securityToken()
                        .<com.aliyun.oss.common.auth.Credentials>map(
                                t -> new DefaultCredentials(c.accessKeyId(), c.accessKeySecret(), t))
                        .orElseGet(() -> new DefaultCredentials(c.accessKeyId(), c.accessKeySecret()));
            }
        };
    }
}
