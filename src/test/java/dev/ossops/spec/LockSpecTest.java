package dev.ossops.spec;

import dev.ossops.spec.model.Lock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The optional {@code lock:} key: binding, its default lifetime, and located errors. */
class LockSpecTest {
    private static final String HEADER = "apiVersion: ossops/v1\nkind: Profile\nname: test\nregion: cn-hangzhou\n";

    @TempDir
    Path dir;

    private ProfileLoader.Result load(String body) throws IOException {
        Path file = dir.resolve("profile.yaml");
        Files.writeString(file, HEADER + body);
        return new ProfileLoader().load(file);
    }

    private List<String> problems(String body) throws IOException {
        return load(body).problems().stream()
                .map(p -> p.format().replace(dir + "/", ""))
                .toList();
    }

    @Test
    void load_lockWithTtl_bindsEveryField() throws IOException {
        assertEquals(
                Optional.of(new Lock("ops-state", "locks/prod.json", 600)),
                load("lock: { bucket: ops-state, key: locks/prod.json, ttlSeconds: 600 }\n")
                        .profile()
                        .orElseThrow()
                        .lock());
    }

    @Test
    void load_lockWithoutTtl_defaultsToFifteenMinutes() throws IOException {
        assertEquals(
                Optional.of(new Lock("ops-state", "prod.lock", 900)),
                load("lock:\n  bucket: ops-state\n  key: prod.lock\n")
                        .profile()
                        .orElseThrow()
                        .lock());
    }

    @Test
    void load_noLock_isEmpty() throws IOException {
        assertEquals(Optional.empty(), load("").profile().orElseThrow().lock());
    }

    @Test
    void load_lockMissingKey_locatedError() throws IOException {
        assertEquals(
                List.of("profile.yaml:6:3: error: lock: missing required key 'key' (a string)"),
                problems("lock:\n  bucket: ops-state\n"));
    }

    @Test
    void load_lockBadValues_locatedErrors() throws IOException {
        assertEquals(
                List.of(
                        "profile.yaml:6:11: error: lock.bucket: 'Ops_State' is not a valid bucket name; use 3-63 lowercase letters, digits and "
                                + "hyphens, starting and ending with a letter or digit",
                        "profile.yaml:7:8: error: lock.key: '/abs.lock' is not a valid object key; use 1-1023 characters, not starting with '/'",
                        "profile.yaml:8:15: error: lock.ttlSeconds: must be between 60 and 86400 (1 day), got 5",
                        "profile.yaml:9:3: error: lock.owner: unknown key 'owner'; accepted keys: bucket, key, ttlSeconds"),
                problems("lock:\n  bucket: Ops_State\n  key: /abs.lock\n  ttlSeconds: 5\n  owner: me\n"));
    }
}
