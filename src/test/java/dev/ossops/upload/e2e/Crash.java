package dev.ossops.upload.e2e;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.emulator.Emulator;
import dev.ossops.upload.CheckpointStore;
import dev.ossops.upload.FileSelection;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.ObjectStore;
import dev.ossops.upload.TransferException;
import dev.ossops.upload.TransferProgress;
import dev.ossops.upload.Uploader;
import dev.ossops.upload.UploaderSettings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A multipart upload interrupted by a resumable failure after some parts, with the emulator's root
 * keys: it leaves an upload and a checkpoint behind, as a crashed {@code ossops upload} would.
 */
final class Crash {
    private Crash() {}

    /** Uploads {@code file} to {@code key} in parts of {@code partSize} and fails resumably at part {@code partsBeforeCrash + 1}. */
    static void multipartUpload(
            Emulator emulator,
            String bucket,
            Path file,
            String key,
            long partSize,
            int partsBeforeCrash,
            Path checkpointDir) {
        CredentialSource root = new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(
                        emulator.rootKey().id(), emulator.rootKey().secret());
            }

            @Override
            public String describe() {
                return "the emulator's root key";
            }
        };
        String region = emulator.config().region();
        try (OssTransfer transfer = OssTransfer.create(
                CloudTarget.single(emulator.endpoint(), region, root), region, SignatureVersion.V4, 1, () -> {})) {
            UploaderSettings settings = new UploaderSettings(
                    bucket,
                    region,
                    emulator.endpoint().toString(),
                    "crash",
                    KeyLayout.DEFAULT_TEMPLATE,
                    Duration.ofHours(1),
                    List.of(),
                    OptionalLong.empty());
            try (Uploader uploader = new Uploader(
                    crashing(transfer, partsBeforeCrash),
                    settings,
                    KeyLayout.of(
                            KeyLayout.DEFAULT_TEMPLATE,
                            KeyLayout.FilenameMode.FILENAME,
                            Clock.systemUTC(),
                            UUID::randomUUID),
                    new CheckpointStore(checkpointDir),
                    new Uploader.Options(partSize, OptionalLong.of(partSize), 1, false),
                    Clock.systemUTC(),
                    TransferProgress.NONE)) {
                assertInstanceOf(
                        Uploader.Outcome.Failed.class,
                        uploader.upload(
                                new FileSelection.Selected(
                                        file, file.getFileName().toString()),
                                Optional.of(key)));
            }
        }
    }

    private static ObjectStore crashing(ObjectStore delegate, int partsBeforeCrash) {
        AtomicInteger parts = new AtomicInteger();
        return (ObjectStore) Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("uploadPart") && parts.incrementAndGet() > partsBeforeCrash) {
                        throw new TransferException("simulated crash", null, true, null);
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
