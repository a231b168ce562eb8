/**
 * OSS's rules: naming, authorization of every request by {@link dev.ossops.emulator.service.AccessControl}
 * (policies through {@code dev.ossops.policy}, then ACLs, under Block Public Access), versioning,
 * listings, conditional reads, multipart validation. Services throw
 * {@link dev.ossops.emulator.error.OssException} from the one catalogue.
 */
package dev.ossops.emulator.service;
