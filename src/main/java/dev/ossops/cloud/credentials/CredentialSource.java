package dev.ossops.cloud.credentials;

/**
 * A named place credentials come from (never a literal in a profile). {@link #describe()} is
 * what errors and logs may say about it.
 */
public interface CredentialSource {

    /** Resolves the current credentials; throws {@link CredentialsException} with a fix-it message. */
    Credentials resolve();

    /** A short description for messages, for example {@code aliyun-cli profile 'default'}. */
    String describe();
}
