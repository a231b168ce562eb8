package dev.ossops.emulator.cdn;

/**
 * A domain's HTTPS certificate as DescribeDomainCertificateInfo reports it; the private key is
 * not kept, the emulator never terminates TLS. Dates are ISO-8601 UTC text, null when unknown.
 */
record CdnCertificate(
        String certName,
        String certType,
        String certId,
        String certDomainName,
        String certOrg,
        String certStartTime,
        String certExpireTime,
        String certUpdateTime) {}
