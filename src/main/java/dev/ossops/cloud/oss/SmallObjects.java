package dev.ossops.cloud.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectRequest;
import dev.ossops.cloud.Retry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/** Small text objects read and written whole, such as apply's lock: create-only puts, reads, deletes. */
public final class SmallObjects {
    private final Function<String, OSS> clients;
    private final Retry retry;

    SmallObjects(Function<String, OSS> clients, Retry retry) {
        this.clients = clients;
        this.retry = retry;
    }

    /**
     * Creates {@code key} with {@code text} unless it exists (PutObject with {@code x-oss-forbid-overwrite: true});
     * false when OSS answered 409 FileAlreadyExists.
     */
    public boolean createIfAbsent(OssBucket b, String key, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return retry.call("PutObject " + b.name() + "/" + key, () -> {
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.setContentType("application/json");
            metadata.setContentLength(body.length);
            metadata.setHeader("x-oss-forbid-overwrite", "true");
            try {
                clients.apply(b.region())
                        .putObject(new PutObjectRequest(b.name(), key, new ByteArrayInputStream(body), metadata));
                return true;
            } catch (OSSException e) {
                if ("FileAlreadyExists".equals(e.getErrorCode())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** The object's text, or empty when it does not exist. */
    public Optional<String> read(OssBucket b, String key) {
        return retry.call("GetObject " + b.name() + "/" + key, () -> {
            try {
                OSSObject object = clients.apply(b.region()).getObject(b.name(), key);
                // An IOException while reading the body is a connection failure: the retry layer retries it.
                try (InputStream in = object.getObjectContent()) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (OSSException e) {
                if ("NoSuchKey".equals(e.getErrorCode())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Deletes the object (OSS answers 204 whether or not it existed). */
    public void delete(OssBucket b, String key) {
        retry.call("DeleteObject " + b.name() + "/" + key, () -> {
            clients.apply(b.region()).deleteObject(b.name(), key);
            return null;
        });
    }
}
