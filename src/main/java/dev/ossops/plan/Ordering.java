package dev.ossops.plan;

import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Dependencies between changes, and the apply order: a topological sort that otherwise keeps the order the
 * planners produced (buckets, RAM, CDN in profile order). Only changes that do something are depended on.
 */
final class Ordering {

    private Ordering() {}

    static List<Change> sort(List<Change> changes, Profile profile) {
        Map<Address, Change> acting = new LinkedHashMap<>();
        changes.stream().filter(c -> c.action() != Action.NOOP).forEach(c -> acting.put(c.address(), c));
        List<Change> withDeps = new ArrayList<>();
        for (Change c : changes) {
            List<Address> deps = c.action() == Action.NOOP
                    ? List.of()
                    : dependencies(c, profile).stream()
                            .filter(d -> !d.equals(c.address()) && acting.containsKey(d))
                            .distinct()
                            .toList();
            withDeps.add(c.withDependsOn(deps));
        }
        return topological(withDeps);
    }

    private static Set<Address> dependencies(Change c, Profile profile) {
        Address a = c.address();
        Set<Address> deps = new LinkedHashSet<>();
        String owner = a.owner();
        switch (a.kind()) {
            case BUCKET, RAM_POLICY, RAM_ROLE, RAM_USER -> {}
            case ACL, POLICY -> {
                deps.add(a.parent());
                // Block Public Access is lifted before a public ACL or policy can be set.
                deps.add(Address.of(Address.Kind.BLOCK_PUBLIC_ACCESS, owner));
            }
            case LIFECYCLE -> {
                deps.add(a.parent());
                // Noncurrent-version rules need versioning on first.
                deps.add(Address.of(Address.Kind.VERSIONING, owner));
            }
            case LOGGING -> {
                deps.add(a.parent());
                bucket(profile, owner)
                        .flatMap(b -> b.logging().value())
                        .ifPresent(l -> deps.add(Address.of(Address.Kind.BUCKET, l.targetBucket())));
            }
            case REPLICATION_RULE -> {
                deps.add(a.parent());
                deps.add(Address.of(Address.Kind.VERSIONING, owner));
                bucket(profile, owner)
                        .flatMap(b -> b.replication().value())
                        .map(r -> r.get(a.name()))
                        .ifPresent(rule -> {
                            deps.add(Address.of(Address.Kind.BUCKET, rule.destinationBucket()));
                            deps.add(Address.of(Address.Kind.VERSIONING, rule.destinationBucket()));
                            rule.syncRole().ifPresent(role -> {
                                deps.add(Address.of(Address.Kind.RAM_ROLE, role));
                                Optional.ofNullable(profile.ram().roles().get(role))
                                        .ifPresent(r -> r.policies()
                                                .forEach(p ->
                                                        deps.add(Address.of(Address.Kind.ROLE_ATTACHMENT, role, p))));
                            });
                        });
            }
            case ROLE_ATTACHMENT, USER_ATTACHMENT -> {
                deps.add(a.parent());
                deps.add(Address.of(Address.Kind.RAM_POLICY, a.name()));
            }
            case CDN_DOMAIN -> {
                Cdn.Domain d = profile.cdn().domains().get(owner);
                if (d != null && d.origin() instanceof Cdn.Origin.OssBucket b) {
                    deps.add(Address.of(Address.Kind.BUCKET, b.bucket()));
                }
            }
            default -> deps.add(a.parent());
        }
        return deps;
    }

    private static Optional<Bucket> bucket(Profile profile, String name) {
        return Optional.ofNullable(profile.buckets().get(name));
    }

    private static List<Change> topological(List<Change> changes) {
        Map<Address, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            index.put(changes.get(i).address(), i);
        }
        int[] waiting = new int[changes.size()];
        Map<Integer, List<Integer>> dependents = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            for (Address d : changes.get(i).dependsOn()) {
                waiting[i]++;
                dependents.computeIfAbsent(index.get(d), k -> new ArrayList<>()).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < waiting.length; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Change> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            int i = ready.poll();
            out.add(changes.get(i));
            for (int j : dependents.getOrDefault(i, List.of())) {
                if (--waiting[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (out.size() != changes.size()) {
            throw new IllegalStateException("dependency cycle among "
                    + changes.stream()
                            .filter(c -> !out.contains(c))
                            .map(c -> c.address().toString())
                            .toList());
        }
        return out;
    }
}
