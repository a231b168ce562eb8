/**
 * The CDN gateway over the official SDK (API 2018-05-10) and its model of domains, origins and configurations; a
 * missing domain reads as {@code Optional.empty()}.
 */
package dev.ossops.cloud.cdn;
