package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One entry of the merged plan. {@code before}/{@code after} are the normalised JSON forms compared (JSON null when
 * absent); {@code reasons} are for display only; {@code dependsOn} lists addresses in the same plan that apply must
 * finish first.
 */
public record Change(
        Address address,
        Action action,
        JsonNode before,
        JsonNode after,
        List<FieldDiff> fields,
        List<String> reasons,
        List<Danger> dangers,
        List<Address> dependsOn) {

    public Change {
        fields = List.copyOf(fields);
        reasons = List.copyOf(reasons);
        dangers = List.copyOf(dangers);
        dependsOn = List.copyOf(dependsOn);
    }

    public boolean destructive() {
        return !dangers.isEmpty();
    }

    Change withDependsOn(List<Address> addresses) {
        return new Change(address, action, before, after, fields, reasons, dangers, addresses);
    }
}
