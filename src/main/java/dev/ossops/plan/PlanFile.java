package dev.ossops.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.spec.model.Profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saved plan ({@code plan --out}): format version, the profile's path, name and hash, the plan in the JSON plan
 * format, and a fingerprint of every live configuration the plan read. Apply re-reads those addresses, refuses
 * when {@link #staleAddresses} finds any change or the profile hash differs, and otherwise re-plans: the same
 * profile and unchanged live state give the same plan. The file holds no secret: the profile model has only
 * credential source names, and credential-bearing CDN arguments are left out of fingerprints.
 */
public record PlanFile(
        String formatVersion,
        String profilePath,
        String profileName,
        String profileSha256,
        JsonNode plan,
        Map<String, String> fingerprints) {
    public static final String FORMAT_VERSION = "1.0";
    /** Readers are immutable, so one can be shared. */
    private static final ObjectReader JSON_READER = new ObjectMapper().reader();

    public PlanFile {
        fingerprints = Collections.unmodifiableMap(new LinkedHashMap<>(fingerprints));
    }

    /** One configuration that changed since the plan was saved. */
    public record Stale(String address, String message) {}

    public static PlanFile of(Plan plan, Profile profile, LiveState live) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        live.observed()
                .forEach((address, observed) ->
                        Fingerprints.of(observed).ifPresent(f -> fingerprints.put(address.toString(), f)));
        return new PlanFile(
                FORMAT_VERSION,
                profile.source().toString(),
                profile.name(),
                profileHash(profile),
                new JsonRenderer().tree(plan),
                fingerprints);
    }

    /**
     * SHA-256 of the canonical JSON of the bound profile model. The model holds the content of every referenced
     * document (lifecycle, CORS, policies), so editing any of them changes the hash.
     */
    public static String profileHash(Profile profile) {
        return JsonValues.sha256(JsonValues.canonical(JsonValues.of(profile)));
    }

    public boolean profileMatches(Profile profile) {
        return profileSha256.equals(profileHash(profile));
    }

    /** The configurations that changed live since the plan was saved, in the order they were read. */
    public static List<Stale> staleAddresses(PlanFile file, LiveState live) {
        Map<String, Observed<?>> now = new LinkedHashMap<>();
        live.observed().forEach((a, o) -> now.put(a.toString(), o));
        List<Stale> stale = new ArrayList<>();
        file.fingerprints().forEach((address, saved) -> {
            Observed<?> observed = now.get(address);
            if (observed == null) {
                stale.add(new Stale(address, address + ": not read again, so it cannot be checked"));
                return;
            }
            Optional<String> current = Fingerprints.of(observed);
            if (current.isEmpty()) {
                String why = observed instanceof Observed.Unreadable<?> u
                        ? u.reason()
                        : "live content cannot be represented: " + ((Observed.Unrepresentable<?>) observed).detail();
                stale.add(new Stale(address, address + ": cannot be checked now (" + why + ")"));
            } else if (!current.get().equals(saved)) {
                String message = saved.equals(Fingerprints.ABSENT)
                        ? "created live since the plan was saved"
                        : current.get().equals(Fingerprints.ABSENT)
                                ? "deleted live since the plan was saved"
                                : "changed live since the plan was saved";
                stale.add(new Stale(address, address + ": " + message));
            }
        });
        return stale;
    }

    public String toJson() {
        ObjectNode root = JsonValues.JSON.objectNode();
        root.put("format_version", formatVersion);
        root.put("kind", "ossops-plan");
        ObjectNode profile = root.putObject("profile");
        profile.put("path", profilePath);
        profile.put("name", profileName);
        profile.put("sha256", profileSha256);
        root.set("plan", plan);
        ObjectNode prints = root.putObject("fingerprints");
        fingerprints.forEach(prints::put);
        return JsonRenderer.write(root);
    }

    public static PlanFile parse(String json) {
        JsonNode root;
        try {
            root = JSON_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PlanFileException("not a saved plan: not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null
                || !root.isObject()
                || !"ossops-plan".equals(root.path("kind").asText())) {
            throw new PlanFileException("not a saved plan: expected a JSON object with \"kind\": \"ossops-plan\"");
        }
        String version = root.path("format_version").asText("");
        if (!version.equals(FORMAT_VERSION)) {
            throw new PlanFileException("saved plan format " + (version.isEmpty() ? "(missing)" : version)
                    + " is not supported; this ossops reads " + FORMAT_VERSION + ": run plan again");
        }
        JsonNode profile = root.path("profile");
        JsonNode prints = root.path("fingerprints");
        if (!profile.path("sha256").isTextual()
                || !prints.isObject()
                || !root.path("plan").isObject()) {
            throw new PlanFileException("not a saved plan: profile.sha256, plan and fingerprints are required");
        }
        Map<String, String> fingerprints = new LinkedHashMap<>();
        prints.properties()
                .forEach(e -> fingerprints.put(e.getKey(), e.getValue().asText()));
        return new PlanFile(
                version,
                profile.path("path").asText(""),
                profile.path("name").asText(""),
                profile.path("sha256").asText(),
                root.get("plan"),
                fingerprints);
    }
}
