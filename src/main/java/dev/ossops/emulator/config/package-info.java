/**
 * Bucket sub-configurations of the emulated OSS (CORS, lifecycle, encryption, policy, tagging,
 * referer, logging, public access block, replication): parse and validate PUT bodies as OSS does,
 * render the documents GET answers, and pure decisions over the parsed models (CORS matching,
 * lifecycle applicability). No I/O; the service layer stores what the codecs accept.
 */
package dev.ossops.emulator.config;
