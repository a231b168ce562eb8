/**
 * Local OSS, RAM, STS and CDN on one port, layered http -> service -> store, with signature
 * checks and policy-based authorization. Start one with {@link dev.ossops.emulator.Emulator} and
 * {@link dev.ossops.emulator.EmulatorConfig}; default local credentials are in
 * {@link dev.ossops.emulator.EmulatorDefaults}.
 */
package dev.ossops.emulator;
