package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Severity;

import java.util.List;
import java.util.Optional;

/** The profile's uploader hands out presigned URLs valid for more than an hour (CIS 5.5). */
final class PresignExpiryCheck extends RuleCheck {
    static final CheckRule RULE = new CheckRule(
            "UPLOADER-PRESIGN-EXPIRY-LONG",
            Severity.LOW,
            "Presigned URLs stay valid for more than an hour",
            "Anyone holding a presigned URL can use it until it expires, and URLs leak through logs, chats and "
                    + "browser history. Keep the expiry at 3600 seconds or less.",
            Optional.of("5.5"),
            Optional.empty());
    static final long LIMIT_SECONDS = 3600;

    PresignExpiryCheck() {
        super(RULE);
    }

    @Override
    void evaluate(AuditSnapshot snapshot, Results results) {
        snapshot.uploader()
                .flatMap(u -> u.urlExpiresSeconds())
                .filter(s -> s > LIMIT_SECONDS)
                .ifPresent(seconds -> results.finding(
                        "profile:uploader",
                        "uploader",
                        "the uploader's presigned URLs are valid for " + seconds + " seconds",
                        new Evidence("uploader.urlExpiresSeconds", Long.toString(seconds), "<= " + LIMIT_SECONDS),
                        "set uploader.urlExpiresSeconds: " + LIMIT_SECONDS + " in the profile",
                        new ProfileChange.SetValue(List.of("uploader", "urlExpiresSeconds"), LIMIT_SECONDS)));
    }
}
