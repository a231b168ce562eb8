/** Builds the RPC side of the emulator (RAM, STS, CDN over one handler) from a root account and a data dir. */
package dev.ossops.emulator.rpc.assembly;
