package dev.ossops.apply.lock;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.SmallObjects;

import java.util.Optional;

/** The lock as one OSS object, created with {@code x-oss-forbid-overwrite: true} so two creators cannot both win. */
public final class OssLockStore implements LockStore {
    private final SmallObjects objects;
    private final OssBucket bucket;
    private final String key;

    public OssLockStore(SmallObjects objects, OssBucket bucket, String key) {
        this.objects = objects;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public boolean createIfAbsent(String text) {
        return objects.createIfAbsent(bucket, key, text);
    }

    @Override
    public Optional<String> read() {
        return objects.read(bucket, key);
    }

    @Override
    public void delete() {
        objects.delete(bucket, key);
    }

    @Override
    public String location() {
        return "oss://" + bucket.name() + "/" + key;
    }
}
