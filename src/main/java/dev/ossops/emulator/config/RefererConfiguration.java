package dev.ossops.emulator.config;

import java.util.List;

/** Hotlink protection: referer allow list and block list, with the truncation switches. */
public record RefererConfiguration(
        boolean allowEmptyReferer,
        boolean allowTruncateQueryString,
        boolean truncatePath,
        List<String> referers,
        List<String> blacklist) {

    /** What a bucket without a referer configuration answers: every request allowed. */
    public static final RefererConfiguration DEFAULT =
            new RefererConfiguration(true, true, false, List.of(), List.of());

    public RefererConfiguration {
        referers = List.copyOf(referers);
        blacklist = List.copyOf(blacklist);
    }
}
