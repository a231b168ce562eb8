package dev.ossops.emulator.config;

/**
 * Block Public Access of a bucket (PutBucketPublicAccessBlock) or of the account (PutPublicAccessBlock): both use
 * this document; when on, public ACLs and public policies are refused or ignored.
 */
public record PublicAccessBlockConfiguration(boolean blockPublicAccess) {
    public static final PublicAccessBlockConfiguration OFF = new PublicAccessBlockConfiguration(false);
}
