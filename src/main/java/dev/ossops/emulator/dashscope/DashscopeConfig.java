package dev.ossops.emulator.dashscope;

import java.util.Map;
import java.util.Set;

/**
 * The emulated DashScope account: which API keys are accepted, each model's upload limit in MB,
 * and how many policy requests per second one key may make for one model.
 *
 * @param apiKeys         accepted {@code Authorization: Bearer} keys
 * @param modelLimitsMb   {@code max_file_size_mb} per model; other models are refused
 * @param policiesPerSecond requests per second per key and model before 429 (DashScope: 100)
 */
public record DashscopeConfig(Set<String> apiKeys, Map<String, Integer> modelLimitsMb, int policiesPerSecond) {
    /**
     * The API key accepted by default: public on purpose, like the emulator's root key, and only
     * ever good for an emulator bound to 127.0.0.1.
     */
    public static final String DEFAULT_API_KEY = "sk-ossops-emulator-local-0001";
    /** The rate limit DashScope documents for the policy endpoint: 100 QPS per account and model. */
    public static final int DEFAULT_POLICIES_PER_SECOND = 100;
    /**
     * Local upload limits: DashScope's sample answer gives 100 MB for qwen-vl-plus; the emulator
     * applies 100 MB to the multimodal models it knows so that uploads behave alike.
     */
    public static final Map<String, Integer> DEFAULT_MODEL_LIMITS_MB = Map.of(
            "qwen-vl-plus",
            100,
            "qwen-vl-max",
            100,
            "qwen3-vl-plus",
            100,
            "qwen-omni-turbo",
            100,
            "qwen-audio-turbo",
            100,
            "qwen-vl-ocr",
            100);

    public DashscopeConfig {
        apiKeys = Set.copyOf(apiKeys);
        modelLimitsMb = Map.copyOf(modelLimitsMb);
        if (apiKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("DashScope API keys must not be empty");
        }
        if (modelLimitsMb.values().stream().anyMatch(mb -> mb <= 0)) {
            throw new IllegalArgumentException("DashScope model limits must be positive MB");
        }
        if (policiesPerSecond <= 0) {
            throw new IllegalArgumentException(
                    "DashScope policies per second must be positive, was " + policiesPerSecond);
        }
    }

    /** The default key, the default model table and 100 requests per second. */
    public static DashscopeConfig defaults() {
        return new DashscopeConfig(Set.of(DEFAULT_API_KEY), DEFAULT_MODEL_LIMITS_MB, DEFAULT_POLICIES_PER_SECOND);
    }

    /** Never prints the keys themselves, only how many there are. */
    @Override
    public String toString() {
        return "DashscopeConfig[apiKeys=" + apiKeys.size() + ", models="
                + modelLimitsMb.keySet().stream().sorted().toList() + ", policiesPerSecond=" + policiesPerSecond + "]";
    }
}
