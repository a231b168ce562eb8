/**
 * HTTP to service mapping: a small HTTP/1.1 server that keeps header spelling, request parsing
 * (path-style and virtual-host addressing), the router and the routes, and OSS error rendering.
 * Routes never catch; {@link dev.ossops.emulator.http.OssHttpHandler} renders what they throw and
 * hands RPC calls (RAM, STS, CDN) sharing the port to the RPC front. {@link dev.ossops.emulator.http.CdnEdge}
 * answers for online CDN domains in front of all that, fetching from their origin buckets through the router.
 */
package dev.ossops.emulator.http;
