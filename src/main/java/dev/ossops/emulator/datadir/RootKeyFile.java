package dev.ossops.emulator.datadir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.common.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <data dir>/credentials.json}: the root AccessKey pair of the emulator serving that data
 * dir, created at random with the data dir and readable by its owner only (0600). Everything that
 * talks to the emulator as root (the embedded mode of a profile, {@code ossops emulator credentials})
 * reads it here, so there is no well-known secret a web page could sign with.
 */
public final class RootKeyFile {
    public static final String NAME = "credentials.json";
    /** A credentials file is two short strings; anything larger is not one. */
    private static final int MAX_BYTES = 16 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final System.Logger LOG = System.getLogger(RootKeyFile.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private RootKeyFile() {}

    public static Path of(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /** The data dir's root key, empty when the data dir has none yet. */
    public static Optional<RootKey> read(Path dataDir) {
        Path file = of(dataDir);
        byte[] bytes;
        // NOFOLLOW_LINKS: the secret is read from the data dir itself, never from wherever a link points.
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the emulator's root credentials " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalStateException(
                    file + " is not an emulator credentials file: larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            JsonNode id = root == null ? null : root.get("accessKeyId");
            JsonNode secret = root == null ? null : root.get("accessKeySecret");
            if (id == null || !id.isTextual() || secret == null || !secret.isTextual()) {
                throw new IllegalStateException(file
                        + " is not an emulator credentials file: it needs the strings accessKeyId and accessKeySecret");
            }
            return Optional.of(new RootKey(id.asText(), secret.asText()));
        } catch (IOException e) {
            // Jackson's message would quote the content, which may be part of a secret.
            throw new IllegalStateException(file + " is not an emulator credentials file: not JSON", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not an emulator credentials file: " + e.getMessage(), e);
        }
    }

    /** The data dir's root key; a new random one, stored, when it has none. The caller holds the data dir's lock. */
    public static RootKey readOrCreate(Path dataDir) {
        Optional<RootKey> existing = read(dataDir);
        if (existing.isPresent()) {
            restrictToOwner(of(dataDir));
            return existing.get();
        }
        RootKey created = RootKey.random();
        write(dataDir, created);
        return created;
    }

    /** Stores {@code key} as the data dir's root key, replacing any other; the caller holds the data dir's lock. */
    public static void write(Path dataDir, RootKey key) {
        Path file = of(dataDir);
        ObjectNode json = JSON.createObjectNode().put("accessKeyId", key.id()).put("accessKeySecret", key.secret());
        try {
            Files.createDirectories(dataDir);
            // A temporary file starts out 0600 on POSIX systems; set again, before the secret goes in, in case a
            // umask or ACL widened it. Renaming replaces a link at the target itself, never the file it points to.
            AtomicFiles.replace(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json), RootKeyFile::restrictToOwner);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the emulator's root credentials " + file + ": " + e.getMessage(), e);
        }
    }

    /** Makes {@code file} 0600 where the file system has POSIX permissions; a file system without them is left as it is. */
    private static void restrictToOwner(Path file) {
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        try {
            if (!view.readAttributes().permissions().equals(OWNER_ONLY)) {
                view.setPermissions(OWNER_ONLY);
            }
        } catch (IOException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot make " + file + " readable by its owner only: " + e.getMessage());
        }
    }
}
