/**
 * The emulator's CDN API (version 2018-05-10): accelerated domains with origins, status
 * transitions, domain configs (functions with normalised arguments), certificates and refresh
 * tasks, persisted as one JSON document; and what the edge needs of them ({@link
 * dev.ossops.emulator.cdn.EdgeDirectory}): online domains with their origin bucket, Referer rule, URL
 * authentication ({@link dev.ossops.emulator.cdn.UrlAuth}), cache times ({@link dev.ossops.emulator.cdn.CacheTtl})
 * and the refresh tasks that invalidate what it holds.
 */
package dev.ossops.emulator.cdn;
