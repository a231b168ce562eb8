/**
 * The emulator's one error catalogue: {@link dev.ossops.emulator.error.OssError} carries each OSS code, HTTP status
 * and message; services throw {@link dev.ossops.emulator.error.OssException} and the HTTP layer renders it.
 */
package dev.ossops.emulator.error;
