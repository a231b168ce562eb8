package dev.ossops.plan;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Lookups into plans for assertions. */
final class Plans {

    private Plans() {}

    static Change change(Plan plan, String address) {
        return plan.changes().stream()
                .filter(c -> c.address().toString().equals(address))
                .findFirst()
                .orElseGet(() -> fail("no change at " + address + " in " + addresses(plan)));
    }

    static boolean has(Plan plan, String address) {
        return plan.changes().stream().anyMatch(c -> c.address().toString().equals(address));
    }

    static List<String> addresses(Plan plan) {
        return plan.changes().stream().map(c -> c.address().toString()).toList();
    }

    /** Addresses of changes that do something, in plan order. */
    static List<String> acting(Plan plan) {
        return plan.changes().stream()
                .filter(c -> c.action() != Action.NOOP)
                .map(c -> c.address().toString())
                .toList();
    }

    static List<String> dangers(Change change) {
        return change.dangers().stream()
                .map(d -> d.rule().id() + ": " + d.message())
                .toList();
    }

    static List<String> errors(Plan plan) {
        return plan.errors().stream().map(e -> e.address() + ": " + e.message()).toList();
    }
}
