package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** One field that differs: its dotted path inside the value ("" for the whole value), and the two sides (JSON null when absent). */
public record FieldDiff(String path, JsonNode before, JsonNode after) {}
