package dev.ossops.emulator.config;

/** Bucket-level Block Public Access: when on, public ACLs and public policies are refused or ignored. */
public record PublicAccessBlockConfiguration(boolean blockPublicAccess) {
    public static final PublicAccessBlockConfiguration OFF = new PublicAccessBlockConfiguration(false);
}
