package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Optional;

/** No enabled whole-bucket lifecycle rule that aborts incomplete multipart uploads. */
final class AbortMultipartCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-LIFECYCLE-NO-ABORT-MULTIPART",
            Severity.LOW,
            "Incomplete multipart uploads are never cleaned up",
            "Parts of multipart uploads that are never completed or aborted are billed as storage until deleted. "
                    + "A lifecycle rule with AbortMultipartUpload over the whole bucket removes them after some days.",
            Optional.empty(),
            Optional.empty());

    static final String FILE = "lifecycle/abort-incomplete-uploads.json";
    /** The same document ossops ships in lifecycle/, so a fixed profile can reference the shipped file. */
    static final String DOCUMENT =
            wholeBucketLifecycleRule("abort-incomplete-uploads", "\"AbortMultipartUpload\": {\"Days\": 3}");

    AbortMultipartCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the lifecycle configuration", bucket.lifecycle())) {
            return;
        }
        List<LifecycleRule> rules = bucket.lifecycle().value().orElse(List.of());
        if (rules.stream().anyMatch(AbortMultipartCheck::abortsEverywhere)) {
            return;
        }
        boolean partial = rules.stream()
                .anyMatch(r -> r.enabled() && r.abortMultipartUpload().isPresent());
        fixedByLifecycleDocument(
                results,
                bucket,
                "bucket " + bucket.name() + " has no enabled lifecycle rule aborting incomplete multipart uploads"
                        + (partial ? " for the whole bucket" : ""),
                partial ? "AbortMultipartUpload for some prefixes only" : "no AbortMultipartUpload rule",
                "an enabled rule with Prefix \"\" and AbortMultipartUpload",
                FILE,
                DOCUMENT);
    }

    private static boolean abortsEverywhere(LifecycleRule rule) {
        return rule.enabled()
                && rule.prefix().isEmpty()
                && rule.filterNot().isEmpty()
                && rule.abortMultipartUpload().isPresent();
    }
}
