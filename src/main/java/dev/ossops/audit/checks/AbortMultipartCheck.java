package dev.ossops.audit.checks;

import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Optional;

/** No enabled whole-bucket lifecycle rule that aborts incomplete multipart uploads. */
final class AbortMultipartCheck extends LifecycleDocumentCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-LIFECYCLE-NO-ABORT-MULTIPART",
            Severity.LOW,
            "Incomplete multipart uploads are never cleaned up",
            "Parts of multipart uploads that are never completed or aborted are billed as storage until deleted. "
                    + "A lifecycle rule with AbortMultipartUpload over the whole bucket removes them after some days.",
            Optional.empty(),
            Optional.empty());

    AbortMultipartCheck() {
        super(
                RULE,
                "lifecycle/abort-incomplete-uploads.json",
                "abort-incomplete-uploads",
                "\"AbortMultipartUpload\": {\"Days\": 3}");
    }

    @Override
    Optional<Missing> missing(BucketState bucket, List<LifecycleRule> rules) {
        if (rules.stream().anyMatch(AbortMultipartCheck::abortsEverywhere)) {
            return Optional.empty();
        }
        boolean partial = rules.stream()
                .anyMatch(r -> r.enabled() && r.abortMultipartUpload().isPresent());
        return Optional.of(new Missing(
                "bucket " + bucket.name() + " has no enabled lifecycle rule aborting incomplete multipart uploads"
                        + (partial ? " for the whole bucket" : ""),
                partial ? "AbortMultipartUpload for some prefixes only" : "no AbortMultipartUpload rule",
                "an enabled rule with Prefix \"\" and AbortMultipartUpload"));
    }

    private static boolean abortsEverywhere(LifecycleRule rule) {
        return rule.enabled()
                && rule.prefix().isEmpty()
                && rule.filterNot().isEmpty()
                && rule.abortMultipartUpload().isPresent();
    }
}
