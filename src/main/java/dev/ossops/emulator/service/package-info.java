/**
 * OSS's rules: naming, ACL checks per {@link dev.ossops.emulator.service.OssAction}, versioning,
 * listings, conditional reads, multipart validation. Services throw
 * {@link dev.ossops.emulator.error.OssException} from the one catalogue.
 */
package dev.ossops.emulator.service;
