package dev.ossops.upload.dashscope;

/** Shows a DashScope API key as {@code sk-…abcd}: enough to tell keys apart, never enough to use one. */
public final class ApiKeys {
    /** Where the key is read from: the environment, or {@code --env-file}. */
    public static final String VARIABLE = "DASHSCOPE_API_KEY";

    private static final int SHOWN = 4;

    private ApiKeys() {}

    /** {@code sk-…abcd}; a key too short to show four characters of is shown as {@code …} alone. */
    public static String mask(String apiKey) {
        if (apiKey == null || apiKey.length() < 2 * SHOWN + 3) {
            return "…";
        }
        String prefix = apiKey.startsWith("sk-") ? "sk-" : "";
        return prefix + "…" + apiKey.substring(apiKey.length() - SHOWN);
    }
}
