package dev.ossops.cloud;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;

import java.net.URI;

/**
 * One RPC product (RAM, STS or CDN) through {@code aliyun-java-sdk-core}: every call goes to the
 * target's endpoint for the product, over HTTP when the endpoint says so (the emulator), through
 * the one {@link Retry} layer.
 */
public final class PopClient {
    private final IAcsClient client;
    private final URI endpoint;
    private final Retry retry;

    public PopClient(CloudTarget target, PopProduct product, Retry retry) {
        DefaultProfile profile = DefaultProfile.getProfile(target.region());
        this.client = new DefaultAcsClient(profile, provider(target.credentials()));
        this.endpoint = target.popEndpoint(product);
        this.retry = retry;
    }

    /** Sends {@code request}; {@code what} names the call for error messages. */
    public <T extends AcsResponse> T call(String what, AcsRequest<T> request) {
        request.setSysEndpoint(endpoint.getAuthority());
        request.setSysProtocol("http".equalsIgnoreCase(endpoint.getScheme()) ? ProtocolType.HTTP : ProtocolType.HTTPS);
        return retry.call(what, () -> client.getAcsResponse(request));
    }

    /** Releases the SDK's HTTP resources. */
    public void shutdown() {
        client.shutdown();
    }

    private static AlibabaCloudCredentialsProvider provider(CredentialSource source) {
        return () -> {
            Credentials c = source.resolve();
            return c.securityToken()
                    .<AlibabaCloudCredentials>map(
                            t -> new BasicSessionCredentials(c.accessKeyId(), c.accessKeySecret(), t))
                    .orElseGet(() -> new BasicCredentials(c.accessKeyId(), c.accessKeySecret()));
        };
    }
}
