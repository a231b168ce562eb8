package dev.ossops.serve;

import dev.ossops.common.Digests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API keys callers present ({@code Authorization: Bearer <key>}) and the principal each stands for. Only SHA-256
 * digests are kept: keys read from environment variables are hashed at start, a keys file holds digests only. A
 * lookup compares every digest in constant time, so timing tells nothing about how close a guess was.
 */
public final class ApiKeys {
    /** Shorter keys could be guessed within the rate limit's lifetime of a server. */
    public static final int MIN_KEY_LENGTH = 16;
    /** A keys file is a short list; anything larger is a mistake, not read into memory. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private static final Pattern LINE = Pattern.compile("([a-z0-9][a-z0-9_-]{0,47})\\s+sha256:([0-9a-f]{64})");

    private record Entry(String principal, byte[] digest) {}

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads the keys: each principal of {@code variables} from the environment variable it names, then the
     * {@code <principal> sha256:<hex>} lines of {@code file}. A principal may have several keys (rotation); one key
     * may not stand for two principals.
     */
    public static ApiKeys load(Map<String, String> variables, Optional<Path> file, Map<String, String> environment) {
        Map<String, String> owners = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        variables.forEach((principal, variable) -> {
            String key = environment.get(variable);
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException(
                        "API key of principal '" + principal + "': environment variable " + variable + " is not set");
            }
            if (key.length() < MIN_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new IllegalArgumentException("API key of principal '" + principal + "' (" + variable
                        + ") must be at least " + MIN_KEY_LENGTH + " printable ASCII characters without spaces");
            }
            add(entries, owners, principal, Digests.sha256(key), variable);
        });
        file.ifPresent(f -> readFile(f, entries, owners));
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no API keys: set serve.apiKeys or put keys in serve.apiKeysFile");
        }
        return new ApiKeys(entries);
    }

    private static void readFile(Path file, List<Entry> entries, Map<String, String> owners) {
        List<String> lines;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(
                        "apiKeysFile " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read apiKeysFile " + file + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                // The line may be a pasted key: never echo it.
                throw new IllegalArgumentException("apiKeysFile " + file + ":" + (i + 1)
                        + ": expected '<principal> sha256:<64 lowercase hex digits>'");
            }
            add(entries, owners, m.group(1), HexFormat.of().parseHex(m.group(2)), file + ":" + (i + 1));
        }
    }

    private static void add(
            List<Entry> entries, Map<String, String> owners, String principal, byte[] digest, String source) {
        String hex = HexFormat.of().formatHex(digest);
        String owner = owners.putIfAbsent(hex, principal);
        if (owner != null && !owner.equals(principal)) {
            throw new IllegalArgumentException("the API key of " + source + " also belongs to principal '" + owner
                    + "'; one key must stand for one principal");
        }
        entries.add(new Entry(principal, digest));
    }

    /** The principal whose key this is, if any. */
    public Optional<String> principal(String presented) {
        byte[] digest = Digests.sha256(presented);
        String found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest(), digest) && found == null) {
                found = e.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every principal with at least one key. */
    public Set<String> principals() {
        Set<String> out = new LinkedHashSet<>();
        entries.forEach(e -> out.add(e.principal()));
        return out;
    }

    /** The digest a keys file lists for {@code key}: {@code sha256:<hex>}. */
    public static String fileDigest(String key) {
        return "sha256:" + Digests.sha256Hex(key);
    }
}
