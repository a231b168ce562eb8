package dev.ossops.emulator.store;

/** A bucket sub-configuration document as persisted: content type and the body OSS returns. */
public record StoredDocument(String contentType, byte[] body) {}
