package dev.ossops.emulator.cdn;

import org.jspecify.annotations.Nullable;

/**
 * A domain's HTTPS certificate as DescribeDomainCertificateInfo reports it; the private key is
 * not kept, the emulator never terminates TLS. Dates are ISO-8601 UTC text, null when unknown.
 */
record CdnCertificate(
        String certName,
        String certType,
        @Nullable String certId,
        String certDomainName,
        @Nullable String certOrg,
        @Nullable String certStartTime,
        @Nullable String certExpireTime,
        String certUpdateTime) {}
