/**
 * The emulator's POP RPC front (RAM, STS, CDN): transport-independent request handling,
 * signature version 1.0 verification, credential lookup and JSON/XML rendering. Services
 * register by (Version, Action); the OSS HTTP server hands over requests that carry
 * {@code Action} and {@code Version}.
 */
package dev.ossops.emulator.rpc;
