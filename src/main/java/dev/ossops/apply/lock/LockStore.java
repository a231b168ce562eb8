package dev.ossops.apply.lock;

import java.util.Optional;

/** Where one lock lives; {@link OssLockStore} in real use. */
public interface LockStore {
    /** Creates the lock object with {@code text} unless it already exists; false when it does. */
    boolean createIfAbsent(String text);

    Optional<String> read();

    void delete();

    /** {@code oss://bucket/key}, for messages. */
    String location();
}
