package dev.ossops.audit;

import dev.ossops.audit.RamState.PolicyKind;
import dev.ossops.audit.RamState.PrincipalKind;
import dev.ossops.audit.checks.Checks;
import dev.ossops.spec.model.UploaderSpec;
import dev.ossops.spec.tree.Location;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One account with something of everything, for the auditor, reporter golden files and fixes. */
public final class Scenario {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    public static final String PROFILE = "profiles/prod.yaml";

    private Scenario() {}

    public static AuditSnapshot snapshot() {
        return Fixture.account(
                        Fixture.bucket("drop-box")
                                .acl(Observed.found("public-read-write"))
                                .build(),
                        Fixture.bucket("media")
                                .encryption(Observed.absent())
                                .logging(Observed.absent())
                                .build(),
                        Fixture.bucket("archive")
                                .acl(Observed.unreadable("AccessDenied (403)"))
                                .build())
                .ram(Observed.found(RamState.builder()
                        .policy(
                                "AppAll",
                                PolicyKind.CUSTOM,
                                Observed.found("{\"Version\": \"1\", \"Statement\": "
                                        + "[{\"Effect\": \"Allow\", \"Action\": \"oss:*\", \"Resource\": \"*\"}]}"))
                        .attach(PrincipalKind.ROLE, "app-role", "AppAll", PolicyKind.CUSTOM)
                        .rootAccessKeys(Observed.found(List.of(
                                new RamState.RootAccessKey("LTAI5tExampleKeyId9abcd", "Active", Optional.empty()))))
                        .build()))
                .uploader(new UploaderSpec(
                        "media",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(86400L),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .profileFile(PROFILE)
                .profileLocation("buckets.drop-box", new Location(PROFILE, 12, 3))
                .profileLocation("buckets.media", new Location(PROFILE, 20, 3))
                .profileLocation("uploader", new Location(PROFILE, 41, 1))
                .build();
    }

    public static Suppressions suppressions() {
        return Suppressions.of(List.of(
                new Suppression(
                        "OSS-BUCKET-LOGGING-DISABLED",
                        "acs:oss:*:*:media",
                        "logs go to SLS, ticket OPS-7",
                        Optional.of(LocalDate.of(2026, 12, 31)),
                        new Location("audit-ignore.yaml", 1, 3)),
                new Suppression(
                        "RAM-ROOT-ACCESS-KEY",
                        "*",
                        "migration finished in October",
                        Optional.of(LocalDate.of(2026, 10, 31)),
                        new Location("audit-ignore.yaml", 5, 3))));
    }

    public static AuditReport report() {
        return new Auditor(Checks.all()).run(snapshot(), suppressions(), TODAY);
    }
}
