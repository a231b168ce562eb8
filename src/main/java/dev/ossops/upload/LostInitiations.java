package dev.ossops.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which multipart uploads on a key were started by InitiateMultipartUpload attempts whose answers
 * were lost: those OSS says it initiated while such an attempt was under way, other than the
 * upload the uploader goes on with. Nothing else identifies them, since their ids never arrived.
 * <p>The window of an attempt is widened by {@link #CLOCK_SKEW} on both sides, since
 * {@code Initiated} is the server's clock and the attempt's times are ours, and its start is
 * rounded down to the second, since OSS reports {@code Initiated} in whole seconds. The risk is
 * another client initiating an upload on the same key within those seconds: it would be aborted
 * too. Keys name one file per run (most layouts add a date, time or UUID), so that takes two
 * writers racing for the same object, whose outcome is undefined anyway; the window stays a few
 * seconds around each lost attempt, never the whole run. The reverse risk: an attempt that timed
 * out on our side but that OSS served later than the skew would be missed; a lifecycle rule that
 * aborts incomplete uploads remains the backstop for it.
 */
final class LostInitiations {
    /** How far OSS's clock may be from ours; OSS itself refuses requests beyond 15 minutes, NTP keeps hosts far closer. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(2);

    private LostInitiations() {}

    /** The ids among {@code pending} initiated during one of the {@code lost} attempts, except {@code kept}. */
    static List<String> orphans(
            List<ObjectStore.LostAnswer> lost, List<ObjectStore.PendingUpload> pending, Optional<String> kept) {
        Objects.requireNonNull(kept, "kept");
        return pending.stream()
                .filter(u -> kept.filter(u.uploadId()::equals).isEmpty())
                .filter(u -> lost.stream().anyMatch(a -> within(u.initiated(), a)))
                .map(ObjectStore.PendingUpload::uploadId)
                .toList();
    }

    private static boolean within(Instant initiated, ObjectStore.LostAnswer attempt) {
        Instant from = attempt.sent().truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW);
        Instant to = attempt.failed().plus(CLOCK_SKEW);
        return !initiated.isBefore(from) && !initiated.isAfter(to);
    }
}
