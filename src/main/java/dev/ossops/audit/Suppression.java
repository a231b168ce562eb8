package dev.ossops.audit;

import dev.ossops.spec.tree.Location;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of an ignore file: findings of checks matching {@code check} on resources matching {@code resource}
 * (globs: {@code *} any run of characters, {@code ?} one) are suppressed for {@code reason} until the end of
 * {@code expires}, when given.
 */
public record Suppression(
        String check, String resource, String reason, Optional<LocalDate> expires, Location location) {

    public boolean matches(Finding finding) {
        return glob(check).matcher(finding.rule().id()).matches()
                && glob(resource).matcher(finding.resource()).matches();
    }

    /** Expired from the day after {@code expires}: a suppression "until 2026-12-31" still holds on that day. */
    public boolean expiredOn(LocalDate today) {
        return expires.map(today::isAfter).orElse(false);
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
