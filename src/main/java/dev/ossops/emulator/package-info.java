/** Local OSS + RAM + STS + CDN, layered http -> service -> store, with signature checks and fault injection. */
package dev.ossops.emulator;
