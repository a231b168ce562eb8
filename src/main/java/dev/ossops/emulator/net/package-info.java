/**
 * Bandwidth shaping for the emulator's transfers: {@link dev.ossops.emulator.net.Bandwidth} is
 * what a stream draws on, {@link dev.ossops.emulator.net.TokenBucket} one rate limit,
 * {@link dev.ossops.emulator.net.ThrottledInputStream} a stream paced by one, and
 * {@link dev.ossops.emulator.net.Pacing} the clock and the wait, injected so tests count the time
 * a transfer was held back instead of measuring it. OSS's x-oss-traffic-limit is one limit per
 * request; per-connection and total limits draw on the same mechanism ({@link
 * dev.ossops.emulator.net.Bandwidth#both}). Pure: no HTTP.
 */
package dev.ossops.emulator.net;
