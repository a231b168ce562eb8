package dev.ossops.emulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.fault.FaultPlan;
import dev.ossops.emulator.fault.Faults;
import dev.ossops.emulator.fault.RequestStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The emulator's own control endpoint under {@code /-/ossops/} ("-" is never a bucket name, so it
 * cannot shadow one): {@code GET/PUT/DELETE /-/ossops/faults} shows, sets and clears the fault
 * plan (JSON, the fields of {@link FaultPlan}, the link's bandwidths among them); {@code GET/DELETE /-/ossops/stats} shows and
 * resets the request counters. Every request must be signed with the root AccessKey, like an OSS
 * request to bucket {@code -} and key {@code ossops/faults} (V1 or V4, header or presigned URL):
 * listening on 127.0.0.1 alone does not keep out the web pages a developer has open.
 */
final class FaultControlRoutes {
    static final String CONTROL_BUCKET = "-";
    private static final int MAX_BODY = 64 * 1024;

    private final Faults faults;
    private final RequestStats stats;
    private final Authenticator authenticator;
    private final String rootKeyId;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    FaultControlRoutes(Faults faults, RequestStats stats, Authenticator authenticator, String rootKeyId) {
        this.faults = faults;
        this.stats = stats;
        this.authenticator = authenticator;
        this.rootKeyId = rootKeyId;
    }

    Reply handle(OssRequest r) {
        Optional<Reply> refused = refusal(r);
        if (refused.isPresent()) {
            return refused.get();
        }
        String path = r.key() == null ? "" : r.key();
        return switch (path) {
            case "ossops/faults" ->
                switch (r.method()) {
                    case "GET" -> json(200, faults.plan());
                    case "PUT" -> setPlan(r);
                    case "DELETE" -> {
                        faults.clear();
                        yield Reply.empty(204);
                    }
                    default -> problem(405, "use GET, PUT or DELETE on /-/ossops/faults");
                };
            case "ossops/stats" ->
                switch (r.method()) {
                    case "GET" -> json(200, stats.snapshot());
                    case "DELETE" -> {
                        stats.reset();
                        yield Reply.empty(204);
                    }
                    default -> problem(405, "use GET or DELETE on /-/ossops/stats");
                };
            default -> problem(404, "no such control resource: /-/" + path);
        };
    }

    /** Empty when the request is signed with the root key; otherwise why not, as the control endpoint's JSON error. */
    private Optional<Reply> refusal(OssRequest r) {
        Caller caller;
        try {
            caller = authenticator.authenticate(r);
        } catch (OssException e) {
            // The signature errors' messages name no secret (the string to sign is only in the details).
            return Optional.of(problem(e.error().httpStatus(), e.error().code() + ": " + e.getMessage()));
        }
        if (caller.credential().filter(c -> c.accessKeyId().equals(rootKeyId)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(problem(
                403,
                "the control endpoint needs a request signed with the emulator's root AccessKey"
                        + " (ossops emulator credentials prints it)"));
    }

    private Reply setPlan(OssRequest r) {
        byte[] body;
        try {
            body = r.body().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fault plan", e);
        }
        if (body.length > MAX_BODY) {
            return problem(413, "a fault plan is at most " + MAX_BODY + " bytes");
        }
        FaultPlan plan;
        try {
            plan = json.readValue(body, FaultPlan.class);
        } catch (ValueInstantiationException e) {
            // The record's own validation message, without Jackson's location noise.
            Throwable cause = e.getCause();
            String message = cause == null ? e.getOriginalMessage() : cause.getMessage();
            // A message-less cause used to fail the reply itself (Map.of refuses null); it says what failed instead.
            return problem(400, message == null ? "invalid fault plan" : message);
        } catch (JsonMappingException e) {
            return problem(400, "invalid fault plan: " + e.getOriginalMessage());
        } catch (IOException e) {
            return problem(400, "invalid fault plan JSON: " + e.getMessage());
        }
        faults.set(plan);
        return json(200, plan);
    }

    private Reply json(int status, Object value) {
        try {
            return Reply.bytes(status, "application/json", json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render " + value.getClass().getSimpleName(), e);
        }
    }

    private Reply problem(int status, String message) {
        return json(status, Map.of("error", message));
    }
}
