package dev.ossops.cli;

import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.datadir.DataDirInUseException;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import dev.ossops.emulator.datadir.ServingRecord;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The emulator behind {@code endpoint: embedded}. A data dir has one emulator, so when an
 * {@code ossops emulator} already serves the profile's data dir the command talks to it (and the
 * URLs it prints keep working); otherwise it starts one in this process on a free port, which
 * stops with the command. Either way the command signs as the data dir's root key.
 */
final class EmbeddedEmulator implements AutoCloseable {
    /** How long to wait for an emulator that holds the data dir but is still starting to say where it listens. */
    private static final Duration STARTING = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(50);

    private final Path dataDir;
    private final URI endpoint;
    private final RootKey rootKey;
    private final Optional<Emulator> inProcess;
    private final Optional<ServingRecord> attached;

    private EmbeddedEmulator(
            Path dataDir,
            URI endpoint,
            RootKey rootKey,
            Optional<Emulator> inProcess,
            Optional<ServingRecord> attached) {
        this.dataDir = dataDir;
        this.endpoint = endpoint;
        this.rootKey = rootKey;
        this.inProcess = inProcess;
        this.attached = attached;
    }

    /** Attaches to the emulator serving {@code dataDir}, or starts one in this process for region {@code region}. */
    static EmbeddedEmulator open(Path dataDir, String region) {
        try {
            Emulator started = new Emulator(EmulatorConfig.builder()
                            .port(0)
                            .dataDir(dataDir)
                            .region(region)
                            .build())
                    .start();
            return new EmbeddedEmulator(
                    dataDir, started.endpoint(), started.rootKey(), Optional.of(started), Optional.empty());
        } catch (DataDirInUseException busy) {
            ServingRecord serving = awaitEndpoint(busy);
            RootKey key = RootKeyFile.read(dataDir)
                    .orElseThrow(() -> new IllegalStateException(busy.getMessage() + ", but " + RootKeyFile.of(dataDir)
                            + " is missing, so ossops cannot sign for it"));
            return new EmbeddedEmulator(
                    dataDir, serving.endpoint().orElseThrow(), key, Optional.empty(), Optional.of(serving));
        }
    }

    /** The serving emulator's record once it names its endpoint (it writes it right after binding its port). */
    private static ServingRecord awaitEndpoint(DataDirInUseException busy) {
        long deadline = System.nanoTime() + STARTING.toNanos();
        Optional<ServingRecord> record = busy.holder();
        while (record.flatMap(ServingRecord::endpoint).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(busy.getMessage() + ", which has not said where it listens within "
                        + STARTING.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the emulator on " + busy.dataDir(), e);
            }
            record = ServingRecord.read(busy.dataDir());
        }
        return record.get();
    }

    URI endpoint() {
        return endpoint;
    }

    /** The data dir's root key, which every command signs with against the embedded endpoint. */
    CredentialSource root() {
        Credentials credentials = Credentials.of(rootKey.id(), rootKey.secret());
        String from =
                "the emulator's root key " + credentials.maskedAccessKeyId() + " (" + RootKeyFile.of(dataDir) + ")";
        return new CredentialSource() {
            @Override
            public Credentials resolve() {
                return credentials;
            }

            @Override
            public String describe() {
                return from;
            }
        };
    }

    /** Which emulator this is, for the header of plan and apply. */
    String describe() {
        return attached.map(r -> "ossops emulator pid " + r.pid() + " at " + endpoint)
                        .orElse("embedded emulator at " + endpoint)
                + " (data " + dataDir + ")";
    }

    /** For commands that print URLs: why they will not work after the command, and how to keep them working. */
    Optional<String> urlNotice() {
        if (inProcess.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "note: URLs printed here stop working when this command ends, and the embedded emulator with it;"
                        + " to keep them valid, start one first: ossops emulator --data-dir " + dataDir);
    }

    @Override
    public void close() {
        inProcess.ifPresent(Emulator::close);
    }
}
