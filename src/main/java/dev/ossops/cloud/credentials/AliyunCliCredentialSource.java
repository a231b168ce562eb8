package dev.ossops.cloud.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Credentials from a profile of the aliyun CLI's {@code ~/.aliyun/config.json}: mode {@code AK}
 * and {@code StsToken} directly, {@code EcsRamRole} through the instance metadata service. The
 * profile is the one named, or the file's {@code current} profile.
 */
public final class AliyunCliCredentialSource implements CredentialSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path configFile;
    private final @Nullable String profileName;
    private final Function<String, CredentialSource> ecsRoleSource;

    /**
     * @param configFile    the CLI's config file, usually {@code ~/.aliyun/config.json}
     * @param profileName   the profile to use, or null for the file's current profile
     * @param ecsRoleSource makes the source for mode EcsRamRole from the profile's role name
     */
    public AliyunCliCredentialSource(
            Path configFile, @Nullable String profileName, Function<String, CredentialSource> ecsRoleSource) {
        this.configFile = configFile;
        this.profileName = profileName;
        this.ecsRoleSource = ecsRoleSource;
    }

    /**
     * The aliyun CLI's config file, {@code ~/.aliyun/config.json}, with {@code ~} read from {@code HOME} (as the CLI,
     * written in Go, finds it), then {@code USERPROFILE} (Windows), then Java's {@code user.home}.
     */
    public static Path defaultConfigFile(Map<String, String> environment) {
        String home = Stream.of(environment.get("HOME"), environment.get("USERPROFILE"))
                .filter(h -> h != null && !h.isBlank())
                .findFirst()
                .orElse(System.getProperty("user.home"));
        return Path.of(home, ".aliyun", "config.json");
    }

    /** The config file this source reads. */
    public Path configFile() {
        return configFile;
    }

    @Override
    public Credentials resolve() {
        JsonNode root = readConfig();
        String wanted = profileName != null ? profileName : root.path("current").asText("");
        if (wanted.isEmpty()) {
            wanted = "default";
        }
        JsonNode profile = findProfile(root, wanted);
        String mode = profile.path("mode").asText("AK");
        String where = "aliyun-cli profile '" + wanted + "' in " + configFile;
        return switch (mode) {
            case "AK" ->
                Credentials.of(
                        required(profile, "access_key_id", where), required(profile, "access_key_secret", where));
            case "StsToken" ->
                Credentials.temporary(
                        required(profile, "access_key_id", where),
                        required(profile, "access_key_secret", where),
                        required(profile, "sts_token", where),
                        null);
            case "EcsRamRole" ->
                ecsRoleSource.apply(profile.path("ram_role_name").asText("")).resolve();
            default ->
                throw new CredentialsException(where + " uses mode " + mode
                        + ", which ossops does not read; use a profile with mode AK, StsToken or EcsRamRole");
        };
    }

    private JsonNode readConfig() {
        try {
            return JSON.readTree(Files.readString(configFile));
        } catch (NoSuchFileException e) {
            throw new CredentialsException(
                    configFile + " does not exist: run 'aliyun configure' or use credentials source env");
        } catch (JsonProcessingException e) {
            throw new CredentialsException(
                    configFile + " is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new CredentialsException("cannot read " + configFile + ": " + e.getMessage(), e);
        }
    }

    private JsonNode findProfile(JsonNode root, String wanted) {
        List<String> names = new ArrayList<>();
        for (JsonNode p : root.path("profiles")) {
            String name = p.path("name").asText();
            if (name.equals(wanted)) {
                return p;
            }
            names.add(name);
        }
        throw new CredentialsException("aliyun-cli profile '" + wanted + "' is not in " + configFile
                + (names.isEmpty() ? " (it has no profiles)" : "; it has: " + String.join(", ", names)));
    }

    private static String required(JsonNode profile, String field, String where) {
        String value = profile.path(field).asText("");
        if (value.isBlank()) {
            throw new CredentialsException(where + " has no " + field);
        }
        return value;
    }

    @Override
    public String describe() {
        return "aliyun-cli profile " + (profileName == null ? "(current)" : "'" + profileName + "'");
    }
}
