package dev.ossops.serve;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.RefreshingCredentialSource;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The running coordinator: its cloud clients and its HTTP server, started together and closed together. */
public final class ServeService implements AutoCloseable {
    private final CloudBackends backends;
    private final ServeServer server;

    private ServeService(CloudBackends backends, ServeServer server) {
        this.backends = backends;
        this.server = server;
    }

    /** Starts serving {@code settings} on {@code bind} against {@code target} as {@code credentials}. */
    public static ServeService start(
            ServeSettings settings,
            ApiKeys keys,
            CloudTarget target,
            RefreshingCredentialSource credentials,
            InetSocketAddress bind,
            Consumer<String> accessLog,
            Clock clock) {
        CloudBackends backends = new CloudBackends(target, credentials, settings.bucket(), settings.region(), clock);
        try {
            UploadKeys uploadKeys = new UploadKeys(settings.keyPrefix(), clock);
            DirectUploads direct = new DirectUploads(settings, uploadKeys, backends, clock);
            StsUploads sts = new StsUploads(settings, uploadKeys, backends, backends.tokens(), clock);
            List<String> origins = new ArrayList<>();
            origins.add(Page.origin(backends.bucketUrl()));
            settings.cdnDomain().ifPresent(d -> origins.add("https://" + d));
            return new ServeService(
                    backends, ServeServer.start(bind, settings, keys, direct, sts, origins, accessLog, clock));
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            backends.close();
        }
    }
}
