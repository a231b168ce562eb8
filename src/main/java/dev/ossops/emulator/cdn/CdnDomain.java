package dev.ossops.emulator.cdn;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An accelerated domain. {@code status} is what was last set ({@code online}, {@code offline}
 * or {@code configuring}); a configuring domain reads as online from {@code readyAt} on, so the
 * transition is deterministic under a test clock.
 */
record CdnDomain(
        String domainName,
        long domainId,
        String cdnType,
        String scope,
        @Nullable String description,
        String resourceGroupId,
        List<CdnSource> sources,
        String status,
        String readyAt,
        String gmtCreated,
        String gmtModified,
        String sslProtocol,
        @Nullable CdnCertificate certificate) {
    static final String ONLINE = "online";
    static final String OFFLINE = "offline";
    static final String CONFIGURING = "configuring";

    CdnDomain {
        sources = List.copyOf(sources);
    }

    String statusAt(Instant now) {
        if (CONFIGURING.equals(status) && !now.isBefore(Instant.parse(readyAt))) {
            return ONLINE;
        }
        return status;
    }

    String cname() {
        return domainName + ".w.kunlunsl.com";
    }

    CdnDomain withSources(List<CdnSource> newSources, String newStatus, String newReadyAt, String now) {
        return new CdnDomain(
                domainName,
                domainId,
                cdnType,
                scope,
                description,
                resourceGroupId,
                newSources,
                newStatus,
                newReadyAt,
                gmtCreated,
                now,
                sslProtocol,
                certificate);
    }

    CdnDomain withCertificate(String newSslProtocol, @Nullable CdnCertificate newCertificate, String now) {
        return new CdnDomain(
                domainName,
                domainId,
                cdnType,
                scope,
                description,
                resourceGroupId,
                sources,
                status,
                readyAt,
                gmtCreated,
                now,
                newSslProtocol,
                newCertificate);
    }
}
