package dev.ossops.cloud.upload;

import dev.ossops.upload.Downloader;
import dev.ossops.upload.ObjectStore;
import dev.ossops.upload.TransferException;

import java.io.InputStream;

/** An object read with credentials through an {@link ObjectStore} (HeadObject, then ranged GetObject). */
public final class OssObjectSource implements Downloader.Source {
    private final ObjectStore store;
    private final String bucket;
    private final String key;

    public OssObjectSource(ObjectStore store, String bucket, String key) {
        this.store = store;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public Info info() {
        ObjectStore.ObjectInfo head = store.head(bucket, key)
                .orElseThrow(() -> new TransferException(
                        "oss://" + bucket + "/" + key + ": no such object", "NoSuchKey", false, null));
        return new Info(head.size(), head.crc64(), head.etag());
    }

    @Override
    public InputStream open(long offset, long length) {
        return store.read(bucket, key, offset, length);
    }
}
