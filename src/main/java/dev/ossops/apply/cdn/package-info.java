/**
 * The apply steps for CDN changes (domains and origins, private OSS origin access, cache TTL rules, the HTTPS
 * certificate), built by {@link dev.ossops.apply.cdn.CdnSteps} over the {@code cloud.cdn} gateway.
 */
package dev.ossops.apply.cdn;
