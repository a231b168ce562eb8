package dev.ossops.emulator.config;

import java.util.Optional;

/** {@code ApplyServerSideEncryptionByDefault}: the default server-side encryption of new objects. */
public record EncryptionConfiguration(
        String sseAlgorithm, Optional<String> kmsMasterKeyId, Optional<String> kmsDataEncryption) {}
