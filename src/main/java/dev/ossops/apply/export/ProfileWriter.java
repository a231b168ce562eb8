package dev.ossops.apply.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes an {@link Export}: {@code profile.yaml} and its documents under {@code lifecycle/}, {@code cors/}, {@code policies/}. */
public final class ProfileWriter {
    public static final String PROFILE_FILE = "profile.yaml";

    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the files and returns their paths, profile first. */
    public List<Path> write(Export export, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path profile = dir.resolve(PROFILE_FILE);
        Files.writeString(profile, "# Written by ossops export from live state; `ossops plan -p " + PROFILE_FILE
                + "` shows no changes against the same account.\n" + yaml.writeValueAsString(export.profile()), StandardCharsets.UTF_8);
        written.add(profile);
        for (Map.Entry<String, JsonNode> doc : export.documents().entrySet()) {
            Path file = dir.resolve(doc.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(doc.getValue()) + "\n", StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }
}
