/**
 * The emulator's CDN API (version 2018-05-10): accelerated domains with origins, status
 * transitions, domain configs (functions with normalised arguments), certificates and refresh
 * tasks, persisted as one JSON document.
 */
package dev.ossops.emulator.cdn;
