package dev.ossops.cloud.oss;

/** OSS reports locations as {@code oss-cn-beijing}; the profile names regions ({@code cn-beijing}). */
public final class Regions {
    private Regions() {}

    public static String strip(String location) {
        if (location == null) {
            return "";
        }
        return location.startsWith("oss-") ? location.substring(4) : location;
    }
}
