package dev.ossops.apply;

import dev.ossops.plan.LiveQuery;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a profile this build can plan and apply: families without a registered live source and step factory
 * are taken out, and each one taken out is named with how many addresses it holds, so nothing is skipped silently.
 */
public record Scope(Profile profile, List<String> excluded) {

    public Scope {
        excluded = List.copyOf(excluded);
    }

    public static Scope of(Profile profile, Set<Family> supported) {
        List<String> excluded = new ArrayList<>();
        Ram ram = profile.ram();
        Cdn cdn = profile.cdn();
        if (!supported.contains(Family.RAM)
                && !(ram.policies().isEmpty()
                        && ram.roles().isEmpty()
                        && ram.users().isEmpty())) {
            Profile only = withOnly(profile, ram, new Cdn(Map.of()));
            excluded.add(note(Family.RAM, LiveQuery.reads(only).size() - bucketReads(profile)));
            ram = new Ram(Map.of(), Map.of(), Map.of());
        }
        if (!supported.contains(Family.CDN) && !cdn.domains().isEmpty()) {
            Profile only = withOnly(profile, new Ram(Map.of(), Map.of(), Map.of()), cdn);
            excluded.add(note(Family.CDN, LiveQuery.reads(only).size() - bucketReads(profile)));
            cdn = new Cdn(Map.of());
        }
        if (!supported.contains(Family.BUCKETS) && !profile.buckets().isEmpty()) {
            throw new IllegalArgumentException("bucket support is always registered");
        }
        return new Scope(withOnly(profile, ram, cdn), excluded);
    }

    private static int bucketReads(Profile profile) {
        return LiveQuery.reads(withOnly(profile, new Ram(Map.of(), Map.of(), Map.of()), new Cdn(Map.of())))
                .size();
    }

    private static Profile withOnly(Profile p, Ram ram, Cdn cdn) {
        return new Profile(
                p.source(),
                p.name(),
                p.region(),
                p.endpoint(),
                p.credentials(),
                p.buckets(),
                ram,
                cdn,
                p.uploader(),
                p.lock(),
                p.serve(),
                p.access());
    }

    private static String note(Family family, int addresses) {
        return family.key() + ": " + addresses + " address" + (addresses == 1 ? "" : "es") + ": this build has no "
                + family.key() + " live source and steps yet";
    }
}
