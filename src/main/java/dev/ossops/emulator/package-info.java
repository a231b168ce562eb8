/**
 * Local OSS, RAM, STS and CDN on one port, layered http -> service -> store, with signature
 * checks and policy-based authorization. Start one with {@link dev.ossops.emulator.Emulator} and
 * {@link dev.ossops.emulator.EmulatorConfig}; each data dir has its own random root credentials
 * ({@link dev.ossops.emulator.datadir.RootKeyFile}) and one emulator at a time
 * ({@link dev.ossops.emulator.datadir.DataDirLock}).
 */
package dev.ossops.emulator;
