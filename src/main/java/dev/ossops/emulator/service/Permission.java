package dev.ossops.emulator.service;

/** What an operation needs from the caller. */
public enum Permission {
    /** Reading objects and listing: public-read and public-read-write ACLs allow it anonymously. */
    READ,
    /** Writing and deleting objects: only public-read-write allows it anonymously. */
    WRITE,
    /** Bucket administration (ACLs, configurations, deleting the bucket): owners only. */
    OWNER
}
