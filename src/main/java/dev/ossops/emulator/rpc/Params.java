package dev.ossops.emulator.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parameters of one call, with the required/optional reads every API repeats. */
public final class Params {
    private final Map<String, String> values;

    public Params(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value, or {@code Missing<Name>} when absent or empty, as the gateway answers. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> RpcErrors.missing(name));
    }

    public Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** An integer parameter; a non-number is {@code InvalidParameter.<Name>}. */
    public Optional<Integer> integer(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(raw.get().trim()));
        } catch (NumberFormatException e) {
            throw RpcErrors.invalidParameter(name, "The parameter " + name + " is not a valid integer: " + raw.get());
        }
    }

    public Optional<Boolean> bool(String name) {
        return optional(name).map(Boolean::parseBoolean);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
